// Sample invitations for the playground, one per category, written for the example policy
// (Dana Whitfield, IT director at Lakeside University; see policy.mjs). Their wording is made up.
export const samples = [
  {
    label: 'Former colleague', category: 'known',
    invitation: {
      sender: { name: 'Tomás Becker', headline: 'Network Architect at Contoso', mutual_connections: 14 },
      message: 'Hi Dana! We sat two desks apart at Contoso when we moved the data centre in 2018. ' +
        'I finally joined LinkedIn properly and wanted to reconnect.',
    },
  },
  {
    label: 'Question about a talk', category: 'personal',
    invitation: {
      sender: { name: 'Aisha Karim', headline: 'Security Awareness Lead at Fabrikam Health', mutual_connections: 2 },
      message: 'Dana, your EDUCAUSE session on running phishing drills without shaming staff was the ' +
        'most useful hour of the conference. How did you get the union to agree to the pilot?',
    },
  },
  {
    label: 'Default text', category: 'generic',
    invitation: {
      sender: { name: 'Leo Marsh', headline: 'Consultant', mutual_connections: 5 },
      message: "I'd like to add you to my professional network on LinkedIn.",
    },
  },
  {
    label: 'Open networker', category: 'networker',
    invitation: {
      sender: { name: 'Greg Olsen', headline: 'LION 🦁 | Open Networker | 28K+ connections', mutual_connections: 61 },
      message: 'I accept all invites and never remove anyone. The bigger our networks, the better! Connect?',
    },
  },
  {
    label: 'Sales pitch', category: 'sales',
    invitation: {
      sender: { name: 'Jane Doe', headline: 'Account Executive at Acme Cloud | Helping IT leaders cut costs', mutual_connections: 3 },
      message: 'Hi Dana, we offer universities 30% off our backup platform until the end of the quarter. ' +
        'Could we book a 15-minute demo next week to show you the savings?',
    },
  },
  {
    label: 'Recruiter', category: 'recruiter',
    invitation: {
      sender: { name: 'Priya Shah', headline: 'Senior Technical Recruiter at Northwind Search', mutual_connections: 0 },
      message: 'Hello Dana, I am hiring a CIO for a fast-growing research institute and your background ' +
        'looks like a great fit. Are you open to a confidential conversation about the role?',
    },
  },
  {
    label: 'Job seeker', category: 'job_seeker',
    invitation: {
      sender: { name: 'Sam Ortiz', headline: 'Computer Science graduate | Looking for opportunities', mutual_connections: 1 },
      message: 'Hello, I just graduated and I am looking for a job in IT support. Could you refer me ' +
        'to your team or let me know about any openings?',
    },
  },
  {
    label: 'Flirt', category: 'romance',
    invitation: {
      sender: { name: 'Marco Bellini', headline: 'Engineer | Traveller', mutual_connections: 0 },
      message: 'Hello beautiful, your smile in your profile photo caught my eye 😍 I would love to know ' +
        'you better, are you single?',
    },
  },
  {
    label: 'Crypto "mentor"', category: 'scam',
    invitation: {
      sender: { name: 'Sophia King', headline: 'Certified Crypto Trading Mentor', mutual_connections: 0 },
      message: 'My students earn 25% every week with guaranteed returns on my bitcoin signals. ' +
        'Message me on WhatsApp +44 7700 900456 and I will show you how to start.',
    },
  },
];
