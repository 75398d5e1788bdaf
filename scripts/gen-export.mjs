#!/usr/bin/env node
// Writes a synthetic LinkedIn data export (a zip and the same files in a folder) with the quirks
// of the real one, and its answers: each connection's expected status and last interaction, and
// the summary's counts. Deterministic for a seed; no dependency but fflate.
//
//   node scripts/gen-export.mjs --out DIR [--connections N] [--messages M] [--seed S]
//
// DIR gets Basic_LinkedInDataExport_11-20-2026.zip, the folder export/ and answers.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';

const DAY = 86400000;
const AS_OF = Date.UTC(2026, 10, 20);

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Uma', 'Bo', 'Cara', 'Dan', 'Eve', 'Gus', 'Hana', 'Ivo', 'Jia', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Omar', 'Pia',
  'Quinn', 'Ravi', 'Sofia', 'Tomas', 'Ines', 'José', 'Zoë', "Siobhán", 'Marie-Claire', 'Li'];
const LAST = ['Nguyen', 'Li', 'Diaz', 'Ek', 'Fox', 'Ho', 'Sato', 'Novak', 'Chen', 'Mensah', 'Berg', 'Rossi', 'Okafor', 'Haddad',
  'Müller', "O'Brien", 'García', 'Kowalski', 'Dubois', 'Silva', 'van der Berg', 'Smith, Jr.'];
const POSITIONS = ['Software Engineer', 'Account Executive', 'Talent Acquisition Partner', 'Product Manager', 'Data Scientist',
  'Sales Development Representative', 'Technical Recruiter', 'CEO', 'Professor', '"Chief" Happiness Officer', 'Designer, UX'];
const COMPANIES = ['Acme, Inc.', 'Great Lakes State University', 'Globex', 'Initech', 'Umbrella "Corp"', 'Stark Industries'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n) => String(n).padStart(2, '0');
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const q = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const row = (fields) => fields.map((f) => q(String(f))).join(',');

function connDate(t) { const d = new Date(t); return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`; }
function msgDate(t) { const d = new Date(t); return `${iso(t)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`; }
function endDate(t) { return msgDate(t).slice(0, 10).replace(/-/g, '/') + msgDate(t).slice(10); }
function invDate(t) {
  const d = new Date(t);
  const h = d.getUTCHours();
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}, ${h % 12 || 12}:${pad(d.getUTCMinutes())} ${h < 12 ? 'AM' : 'PM'}`;
}

/// An address for `slug` in one of the spellings exports use.
function variant(r, slug) {
  const k = Math.floor(r() * 8);
  return [`https://www.linkedin.com/in/${slug}`, `https://www.linkedin.com/in/${slug}/`, `http://linkedin.com/in/${slug}`,
    `www.linkedin.com/in/${slug}`, `linkedin.com/in/${slug.toUpperCase()}`, `https://www.linkedin.com/in/${slug}?trk=abc`,
    `https://www.linkedin.com/in/${slug}/#about`, `HTTPS://WWW.LINKEDIN.COM/IN/${slug}/`][k];
}

export function generate({ connections = 5000, messages = 50000, seed = 1 } = {}) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const me = { name: 'Ann Me', slug: 'ann-me' };
  const people = [];
  for (let i = 0; i < connections; i++) {
    const first = pick(FIRST), last = pick(LAST);
    const connected = AS_OF - Math.floor(r() * 14 * 365) * DAY;
    people.push({ first, last, name: `${first} ${last}`, slug: `${first}-${last}-${i.toString(16)}`.toLowerCase().replace(/[^a-z0-9-]/g, ''),
      connected, last: -1, company: pick(COMPANIES), position: pick(POSITIONS) });
  }
  // Give a few connections recent dates so that some are "new".
  for (let i = 0; i < connections; i += 50) people[i].connected = AS_OF - Math.floor(r() * 120) * DAY;
  const nameCount = new Map();
  for (const p of people) nameCount.set(p.name, (nameCount.get(p.name) || 0) + 1);
  const touch = (p, t) => { if (t > p.last) p.last = t; };
  const warnings = [];

  // Connections.csv: the Notes: preamble, a blank line, the header, and three malformed rows.
  let conn = '\ufeffNotes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing.\r\nYou will only see email addresses for connections who have allowed it."\r\n\r\n';
  conn += 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n';
  let line = 6;
  const badAt = new Set([Math.floor(connections / 3), Math.floor(connections / 2), connections - 1]);
  people.forEach((p, i) => {
    if (badAt.has(i)) { conn += `Broken,Row${i},https://www.linkedin.com/in/broken-${i}\r\n`; warnings.push(['Connections.csv', line]); line++; }
    const pos = i % 97 === 0 ? `${p.position}\nat night` : p.position;
    conn += row([p.first, p.last, `https://www.linkedin.com/in/${p.slug}`, i % 5 ? '' : `${p.slug}@example.com`, p.company, pos, connDate(p.connected)]) + '\r\n';
    line += 1 + (pos.match(/\n/g) || []).length;
  });

  // messages.csv: conversations with one connection or a group; drafts; two bad dates.
  let msgs = 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT\n';
  line = 2;
  let written = 0, conv = 0;
  while (written < messages) {
    const group = r() < 0.1;
    const members = [];
    const size = group ? 2 + Math.floor(r() * 3) : 1;
    // Messages go mostly to a third of the network, so that many connections never hear from the user.
    while (members.length < size) members.push(people[Math.floor(Math.pow(r(), 2) * connections / 3) * 3 % connections]);
    const id = `2-${(conv++).toString(36)}==`;
    const count = 1 + Math.floor(r() * 6);
    const start = Math.max(...members.map((m) => m.connected)) + Math.floor(r() * 2000) * DAY;
    for (let k = 0; k < count && written < messages; k++, written++) {
      const t = Math.min(AS_OF - DAY, start + k * 3 * DAY) + Math.floor(r() * 86000) * 1000;
      const fromMe = r() < 0.5;
      const from = fromMe ? me : pick(members);
      const others = [me, ...members].filter((x) => x !== from);
      const draft = fromMe && r() < 0.03;
      const bad = written === 7 || written === messages - 3;
      const content = pick(['Hi, how are you?', 'Thanks "so" much', 'Line one\nline two, with a comma', 'ok']);
      const to = others.map((o) => o.name);
      const urls = others.map((o) => (o === me ? 'https://www.linkedin.com/in/ann-me' : variant(r, o.slug)));
      const sep = r() < 0.5 ? ',' : ';';
      msgs += row([id, group ? 'Group chat' : '', from.name, from === me ? 'https://www.linkedin.com/in/ann-me' : variant(r, from.slug),
        to.join(', '), urls.join(sep), bad ? 'last Tuesday' : msgDate(t), '', content, draft ? 'DRAFT' : 'INBOX', draft ? 'Yes' : 'No']) + '\n';
      if (bad) warnings.push(['messages.csv', line]);
      else if (!draft) for (const m of members) touch(m, Math.floor(t / DAY) * DAY);
      line += 1 + (content.match(/\n/g) || []).length;
    }
  }

  // Endorsements either way (only accepted ones count) and recommendations (only visible ones,
  // joined by name: not for names two connections share).
  let er = 'Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n';
  let eg = 'Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,Endorsement Status\n';
  let rr = 'First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n';
  for (let i = 0; i < connections; i += 7) {
    const p = people[i];
    const t = Math.floor((p.connected + r() * (AS_OF - p.connected)) / DAY) * DAY + 3600000;
    const status = r() < 0.8 ? 'ACCEPTED' : pick(['PENDING', 'REJECTED']);
    const line = row([endDate(t), pick(['C++', 'Sales, B2B']), p.first, p.last, variant(r, p.slug).replace(/^https?:\/\//i, ''), status]) + '\n';
    if (r() < 0.5) er += line; else eg += line;
    if (status === 'ACCEPTED') touch(p, Math.floor(t / DAY) * DAY);
  }
  for (let i = 3; i < connections; i += 41) {
    const p = people[i];
    const t = Math.floor((p.connected + r() * (AS_OF - p.connected)) / DAY) * DAY + 7200000;
    const visible = r() < 0.8;
    rr += row([p.first, p.last, p.company, p.position, 'A great colleague, "truly".\nRecommended.', invDate(t), visible ? 'VISIBLE' : 'HIDDEN']) + '\n';
    if (visible && nameCount.get(p.name) === 1) touch(p, Math.floor(t / DAY) * DAY);
  }

  // Invitations: incoming ones (judged) and outgoing ones still pending.
  let inv = 'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n';
  const notes = ["I'd love to show you a quick demo of our platform, do you have 15 minutes this week?", '',
    'Hi Ann, we met at the Lyon meetup last week, great talk!', 'I have an exciting opportunity for you, are you open to new roles?'];
  let incoming = 0, pending = 0;
  for (let i = 0; i < Math.max(10, connections / 100); i++) {
    const t = AS_OF - Math.floor(r() * 200) * DAY;
    if (r() < 0.6) {
      incoming++;
      inv += row([`Stranger ${i}`, me.name, invDate(t), pick(notes), 'INCOMING', `https://www.linkedin.com/in/stranger-${i}`, 'https://www.linkedin.com/in/ann-me']) + '\n';
    } else {
      if (AS_OF - Math.floor(t / DAY) * DAY > 21 * DAY) pending++;
      inv += row([me.name, `Prospect ${i}`, invDate(t), '', 'OUTGOING', 'https://www.linkedin.com/in/ann-me', `https://www.linkedin.com/in/prospect-${i}`]) + '\n';
    }
  }

  const profile = 'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\nAnn,Me,,,,Engineer,,,,,,,\n';
  const files = {
    'Connections.csv': conn, 'messages.csv': msgs, 'Invitations.csv': inv, 'Endorsement_Received_Info.csv': er,
    'Endorsement_Given_Info.csv': eg, 'Recommendations_Received.csv': rr, 'Recommendations_Given.csv': 'First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n',
    'Profile.csv': profile, 'Rich_Media.csv': 'Date/Time,Media Description\n',
  };
  const status = { active: 0, faded: 0, never: 0, new: 0 };
  const expected = people.map((p) => {
    const connectedDay = Math.floor(p.connected / DAY) * DAY;
    const s = p.last >= 0 ? (AS_OF - p.last <= 365 * DAY ? 'active' : 'faded') : (AS_OF - connectedDay <= 90 * DAY ? 'new' : 'never');
    status[s]++;
    return { name: p.name, profile_url: `https://www.linkedin.com/in/${p.slug}/`, status: s, last_interaction: p.last >= 0 ? iso(p.last) : null };
  });
  const answers = { as_of: iso(AS_OF), connections: expected, summary: { connections: people.length, status, invitations: incoming,
    pending_sent_over_21_days: pending, warnings: warnings.map(([file, line]) => ({ file, line })) } };
  return { files, answers };
}

function main(argv) {
  const opt = { out: '', connections: 5000, messages: 50000, seed: 1 };
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    if (!(k in opt) || argv[i + 1] === undefined) { console.error(`gen-export: unknown or incomplete option ${argv[i]}`); process.exit(2); }
    opt[k] = k === 'out' ? argv[i + 1] : Number(argv[i + 1]);
    if (k !== 'out' && !(Number.isInteger(opt[k]) && opt[k] >= 0)) { console.error(`gen-export: ${argv[i]} needs a whole number`); process.exit(2); }
  }
  if (!opt.out) { console.error('usage: node scripts/gen-export.mjs --out DIR [--connections N] [--messages M] [--seed S]'); process.exit(2); }
  const { files, answers } = generate(opt);
  const folder = join(opt.out, 'export');
  mkdirSync(folder, { recursive: true });
  const zip = {};
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(folder, name), text);
    zip[`Basic_LinkedInDataExport_11-20-2026/${name}`] = strToU8(text);
  }
  writeFileSync(join(opt.out, 'Basic_LinkedInDataExport_11-20-2026.zip'), zipSync(zip, { level: 6 }));
  writeFileSync(join(opt.out, 'answers.json'), JSON.stringify(answers));
  console.log(`gen-export: ${opt.connections} connections, ${opt.messages} messages in ${opt.out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
