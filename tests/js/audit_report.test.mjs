// The audit page's review list without the DOM (web/audit-report.mjs): filters, sorting, CSV.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { csv_cell, review_csv, review_list, sort_list } from '../../web/audit-report.mjs';

const conn = (name, status, connected_on, last_interaction, role = null, company = '') => ({
  name, status, connected_on, last_interaction, role, company, position: 'Engineer',
  profile_url: `https://www.linkedin.com/in/${name.toLowerCase().replace(/ /g, '-')}/`,
  reasons: [`Reason for ${name}`],
});

const all = [
  conn('Uma Nguyen', 'faded', '2021-04-15', '2022-05-24', null, 'Great Lakes'),
  conn('Ann Lee', 'never', '2019-02-01', null, 'sales', 'Acme'),
  conn('Bo Ray', 'active', '2020-01-01', '2026-10-01'),
  conn('Cy Dunn', 'new', '2026-11-01', null),
  conn('Di Fox', 'never', '2019-07-07', null, 'recruiter', 'Zeta'),
];

describe('review_list', () => {
  test('holds only faded and never connections', () => {
    assert.deepEqual(review_list(all).map((c) => c.name), ['Uma Nguyen', 'Ann Lee', 'Di Fox']);
  });
  test('filters by status, role (or none) and year connected', () => {
    assert.deepEqual(review_list(all, { status: 'never' }).map((c) => c.name), ['Ann Lee', 'Di Fox']);
    assert.deepEqual(review_list(all, { role: 'sales' }).map((c) => c.name), ['Ann Lee']);
    assert.deepEqual(review_list(all, { role: 'none' }).map((c) => c.name), ['Uma Nguyen']);
    assert.deepEqual(review_list(all, { year: '2019' }).map((c) => c.name), ['Ann Lee', 'Di Fox']);
    assert.deepEqual(review_list(all, { status: 'faded', year: 2019 }), []);
  });
});

describe('sort_list', () => {
  const list = review_list(all);
  test('by name, company and connected, both ways', () => {
    assert.deepEqual(sort_list(list, 'name').map((c) => c.name), ['Ann Lee', 'Di Fox', 'Uma Nguyen']);
    assert.deepEqual(sort_list(list, 'company', true).map((c) => c.name), ['Di Fox', 'Uma Nguyen', 'Ann Lee']);
    assert.deepEqual(sort_list(list, 'connected').map((c) => c.name), ['Ann Lee', 'Di Fox', 'Uma Nguyen']);
  });
  test('empty last interactions sort last, ties keep their order', () => {
    assert.deepEqual(sort_list(list, 'last').map((c) => c.name), ['Uma Nguyen', 'Ann Lee', 'Di Fox']);
    assert.deepEqual(sort_list(list, 'last', true).map((c) => c.name), ['Uma Nguyen', 'Ann Lee', 'Di Fox']);
  });
  test('an unknown key is an error naming the key', () => {
    assert.throws(() => sort_list(list, 'age'), /sort: unknown key "age"/);
  });
});

describe('CSV export', () => {
  test('cells a spreadsheet would run as formulas are guarded', () => {
    assert.equal(csv_cell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csv_cell('+1'), "'+1");
    assert.equal(csv_cell('-2'), "'-2");
    assert.equal(csv_cell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csv_cell('plain'), 'plain');
    assert.equal(csv_cell(null), '');
  });
  test('commas, quotes and line breaks are quoted', () => {
    assert.equal(csv_cell('Acme, Inc.'), '"Acme, Inc."');
    assert.equal(csv_cell('say "hi"'), '"say ""hi"""');
    assert.equal(csv_cell('a\nb'), '"a\nb"');
  });
  test('the review list as CSV: a header and one row per connection', () => {
    const text = review_csv([all[1]]);
    assert.equal(text,
      'Name,Company,Position,Connected,Last interaction,Status,Role,Profile,Reason\r\n'
      + 'Ann Lee,Acme,Engineer,2019-02-01,,never,sales,https://www.linkedin.com/in/ann-lee/,Reason for Ann Lee\r\n');
  });
});
