/** Course-code prefixes and subject words per faculty, for plausible demo courses. */
export const facultyCourseVocabulary: Readonly<Record<string, { prefixes: readonly string[]; subjects: readonly string[] }>> = {
  SBE: {
    prefixes: ['EBC', 'EBS', 'EBP'],
    subjects: ['Accounting', 'Corporate Finance', 'Marketing', 'Strategy', 'Microeconomics', 'Macroeconomics', 'Econometrics', 'Operations Research', 'Supply Chain Management', 'Organisational Behaviour', 'Financial Markets', 'Public Finance', 'Behavioural Economics', 'Business Analytics', 'International Trade', 'Game Theory', 'Auditing', 'Taxation'],
  },
  FASoS: {
    prefixes: ['ESC', 'CAS', 'GLO', 'DIS'],
    subjects: ['European Integration', 'Political Theory', 'Cultural Heritage', 'Media Studies', 'History of Ideas', 'Science and Technology Studies', 'International Relations', 'Digital Cultures', 'Globalisation', 'Research Methods', 'Arts Policy', 'Philosophy of Science'],
  },
  FL: {
    prefixes: ['LAW', 'ELS', 'IER'],
    subjects: ['Contract Law', 'Criminal Law', 'Constitutional Law', 'European Union Law', 'International Tax Law', 'Labour Law', 'Property Law', 'Human Rights', 'Comparative Law', 'Legal Reasoning', 'Company Law', 'Private International Law'],
  },
  FHML: {
    prefixes: ['BMS', 'HSC', 'EPH', 'MED'],
    subjects: ['Cell Biology', 'Epidemiology', 'Public Health', 'Physiology', 'Biostatistics', 'Health Policy', 'Neuroscience', 'Immunology', 'Global Health', 'Health Promotion', 'Pharmacology', 'Anatomy', 'Clinical Reasoning'],
  },
  FPN: {
    prefixes: ['PSY', 'PSB'],
    subjects: ['Cognitive Psychology', 'Developmental Psychology', 'Social Psychology', 'Neuropsychology', 'Forensic Psychology', 'Statistics', 'Psychopathology', 'Work and Organisational Psychology', 'Perception', 'Decision Making'],
  },
  FSE: {
    prefixes: ['KEN', 'BEN', 'CEN'],
    subjects: ['Linear Algebra', 'Calculus', 'Machine Learning', 'Data Structures', 'Databases', 'Computer Vision', 'Circular Economy', 'Materials Science', 'Systems Biology', 'Robotics', 'Optimisation', 'Software Engineering', 'Signal Processing'],
  },
  UCM: {
    prefixes: ['COR', 'HUM', 'SSC', 'SCI'],
    subjects: ['Philosophy', 'Contemporary World History', 'Cultural Sociology', 'Introduction to Psychology', 'Molecular Biology', 'Academic Writing', 'Logic', 'Ethics', 'International Law', 'Environmental Science'],
  },
  MSP: {
    prefixes: ['MSP', 'SCI'],
    subjects: ['Chemistry', 'Physics', 'Biology', 'Mathematics', 'Neuroscience', 'Biochemistry', 'Organic Chemistry', 'Quantum Physics', 'Genetics', 'Thermodynamics'],
  },
};

/** How a subject becomes a course title. */
export const courseTitlePatterns: readonly ((subject: string, other: string) => string)[] = [
  (s) => `Introduction to ${s}`,
  (s) => `Advanced ${s}`,
  (s) => s,
  (s, o) => `${s} and ${o}`,
  (s) => `Topics in ${s}`,
  (s) => `${s}: Theory and Practice`,
  (s) => `Research Project ${s}`,
];

/** Skills trainings offered in periods 3 and 6 (exchange guide). */
export const skillsTrainingTitles: readonly string[] = [
  'Academic Writing Skills',
  'Presentation Skills',
  'Research Skills: Statistics with R',
  'Negotiation Skills',
  'Data Analysis with Python',
  'Problem-Based Learning Skills',
];

/** Given names from the countries UM students come from, in their own scripts where the file keeps them. */
export const givenNames: readonly string[] = [
  'Anna', 'Lotte', 'Sanne', 'Daan', 'Sem', 'Lucas', 'Emma', 'Julia', 'Noah', 'Finn', 'Lena', 'Jonas', 'Hannah',
  'Maximilian', 'Sophie', 'Élodie', 'Léa', 'Mathéo', 'Giulia', 'Matteo', 'Alessandro', 'Chiara', 'Łukasz', 'Zofia',
  'Katarzyna', 'Mateusz', 'Ελένη', 'Γιώργος', 'Дмитрий', 'Анна', 'Jiří', 'Tereza', 'Björn', 'Ingrid', 'Siobhán',
  'Seán', 'Mei', 'Wei', 'Aarav', 'Priya', 'Ayşe', 'Mehmet', 'Fatima', 'Youssef', 'Carlos', 'Lucía', 'João', 'Inês',
];

/** Family names to match. */
export const familyNames: readonly string[] = [
  'de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Müller', 'Schmidt', 'Schneider',
  'Fischer', 'Weber', 'Dubois', 'Lefèvre', 'Peeters', 'Janssens', 'Rossi', 'Bianchi', 'Nowak', 'Kowalski',
  'Dvořák', 'Novák', 'Παπαδοπούλου', 'Παπαδόπουλος', 'Иванов', 'Иванова', 'Andersson', 'Ó Briain', 'Murphy',
  'Wang', 'Li', 'Sharma', 'Patel', 'Yılmaz', 'Demir', 'El Amrani', 'García', 'Fernández', 'Silva', 'Santos',
];

/** Coordinators of the demo courses. */
export const coordinatorNames: readonly string[] = [
  'Dr. M. Hendriks', 'Prof. A. Claes', 'Dr. S. Kaya', 'Dr. L. Martens', 'Prof. J. Peters', 'Dr. R. Wouters',
  'Dr. E. Schouten', 'Prof. K. Vermeulen', 'Dr. T. Lambrechts', 'Dr. N. Romano', 'Prof. H. Groot', 'Dr. B. Kuipers',
];
