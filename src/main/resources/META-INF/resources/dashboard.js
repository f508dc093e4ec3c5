// The dashboard page: reads /api/v1/dashboard and the live stream of the published log with the
// user's bearer token. No libraries and no build step: plain DOM, SVG and fetch().
'use strict';

const TEXT = {
  nb: {
    skip: 'Hopp til hovedinnholdet', title: 'Samråd – konsultasjonsordningen',
    subtitle: 'Avtaler, saker og møter mellom regjeringen og KS', language: 'Språk', signOut: 'Logg ut',
    signIn: 'Logg inn', tokenLabel: 'Tilgangstoken (bearer token)',
    tokenHelp: 'Lag et token med tokenkommandoen (se README) og lim det inn. Det lagres bare i denne fanen.',
    signInButton: 'Logg inn', oidcButton: 'Logg inn med ID-leverandør',
    rejected: 'Tokenet ble ikke godtatt. Sjekk at det er gyldig og ikke utløpt.',
    forbidden: 'Tokenet gir ikke lesetilgang (samrad:read eller samrad:audit).',
    failed: 'Samråd svarte ikke som ventet: ', dateLabel: 'Vis oversikten per dato', showDay: 'Vis', today: 'I dag',
    dateHint: 'Skriv datoen som dd.mm.åååå, for eksempel 20.04.2021. Pil opp og ned blar én dag.',
    dateMissing: 'Skriv en dato.', dateFormatWrong: 'Datoen må skrives som dd.mm.åååå, for eksempel 20.04.2021.',
    dateNoSuchDay: '{text} er ingen dato i kalenderen.',
    dayNote: 'Datoen gjelder virkningstid: hva som var i kraft, åpent og ventet den dagen, slik registeret står nå.',
    overview: 'Oversikt per {date}', inForce: 'Avtaler i kraft', expiringYear: 'Utløper i {year}',
    within90: 'Utløper innen 90 dager', within180: 'Utløper innen 180 dager',
    openCost: 'Åpne kostnadsberegningssaker', waiting: 'Lovmedvirkning venter på svar', meetings: 'Kommende møter',
    timeline: 'Avtaleperioder',
    timelineHelp: 'Én linje per avtale, én stolpe per avtaleperiode fra inngåelse til utløp. Den røde streken er {date}.',
    termInForce: 'Periode i kraft', termOther: 'Annen periode', termEnded: 'Avsluttet før utløp',
    term: 'periode {n}: {from} – {to}', endedEarly: ' (avsluttet {date})', noTerms: 'Ingen avtaler er inngått.',
    expiringHeading: 'Avtaler som løper ut', thisYear: 'I {year}', next90: 'Innen 90 dager', next180: 'Innen 180 dager',
    none: 'Ingen.', daysLeft: '{n} dager igjen', ranOut: 'utløp for {n} dager siden',
    costHeading: 'Åpne kostnadsberegningssaker', caseNumber: 'Saksnr.', case: 'Sak', ministries: 'Departement',
    estimate: 'Siste anslag', period: 'Periode', madeBy: 'Anslått av', noEstimate: 'Ikke anslått',
    waitingHeading: 'Lovmedvirkning som venter på departementets svar', law: 'Lov eller forskrift',
    requestedBy: 'Bedt om av', reported: 'Meldt opp', daysWaited: 'Dager ventet',
    meetingsHeading: 'Kommende møter', agenda: 'Saksliste', noAgenda: 'Ingen saker på sakslisten ennå.',
    countsHeading: 'Antall etter type og status', kind: 'Type', state: 'Status', count: 'Antall',
    changesHeading: 'Siste endringer', live: 'Direkte: nye endringer vises her straks de er registrert.',
    connecting: 'Kobler til den publiserte loggen …', reconnecting: 'Forbindelsen falt; kobler til igjen …',
    noChanges: 'Ingen endringer ennå.', history: 'Historikk: {title}', close: 'Tilbake til oversikten',
    position: 'Posisjon', recorded: 'Registrert', effective: 'Virkningsdato', event: 'Hendelse', actor: 'Av',
    changes: 'Endringer', footer: 'Samråd. Tallene kommer fra /api/v1/dashboard, endringene fra den publiserte loggen.',
    months: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober',
      'november', 'desember'],
    kinds: {AGREEMENT: 'Avtaler', MEETING: 'Møter', CROSS_SECTOR_THEME: 'Tverrgående tema',
      SECTOR_MATTER: 'Saker under fagdepartement', COST_CALCULATION: 'Kostnadsberegningssaker',
      LAW_PARTICIPATION: 'Lovmedvirkningssaker'},
    states: {ACTIVE: 'aktiv', EXPIRED: 'utløpt', PROPOSED: 'foreslått', RENEGOTIATION: 'under reforhandling',
      TERMINATED: 'sagt opp', SUPERSEDED: 'erstattet', SCHEDULED: 'planlagt', HELD: 'avholdt', CANCELLED: 'avlyst',
      REPORTED: 'meldt opp', ON_AGENDA: 'på sakslisten', DISCUSSED: 'drøftet', CONCLUDED: 'avsluttet',
      WITHDRAWN: 'trukket', OPEN: 'åpen (trinn ikke datert)'},
    events: {AgreementEntered: 'Avtale inngått', AgreementProposed: 'Avtale foreslått', AgreementRenewed: 'Avtale fornyet',
      AgreementExpired: 'Avtale utløpt', AgreementTerminated: 'Avtale sagt opp', AgreementSuperseded: 'Avtale erstattet',
      AgreementRenegotiationStarted: 'Reforhandling startet', AgreementTermCorrected: 'Avtaleperiode rettet',
      MeetingScheduled: 'Møte planlagt', MeetingHeld: 'Møte avholdt', MeetingCancelled: 'Møte avlyst',
      CaseReported: 'Sak meldt opp', CasePutOnAgenda: 'Sak satt på sakslisten', CaseDiscussed: 'Sak drøftet',
      CaseInputAdded: 'Innspill gitt', CaseConcluded: 'Sak avsluttet', CaseWithdrawn: 'Sak trukket',
      CostCalculationOpened: 'Kostnadsberegning åpnet', CostEstimateRecorded: 'Kostnadsanslag registrert',
      CostEstimateAssessed: 'Anslag vurdert av KS', CostCaseStatusGiven: 'Status gitt til møtet',
      LawParticipationRequested: 'Lovmedvirkning bedt om', LawParticipationDecided: 'Departementet har svart',
      LawMilestoneReached: 'Milepæl nådd'},
    locale: 'nb-NO'
  },
  en: {
    skip: 'Skip to main content', title: 'Samråd – the consultation arrangement',
    subtitle: 'Agreements, cases and meetings between the Government and KS', language: 'Language',
    signOut: 'Sign out', signIn: 'Sign in', tokenLabel: 'Access token (bearer token)',
    tokenHelp: 'Make a token with the token command (see the README) and paste it here. It is kept in this tab only.',
    signInButton: 'Sign in', oidcButton: 'Sign in with the identity provider',
    rejected: 'The token was not accepted. Check that it is valid and has not expired.',
    forbidden: 'The token does not allow reading (samrad:read or samrad:audit).',
    failed: 'Samråd did not answer as expected: ', dateLabel: 'Show the overview as on', showDay: 'Show',
    today: 'Today', dateHint: 'Write the date as yyyy-mm-dd, for example 2021-04-20. Up and down arrows step a day.',
    dateMissing: 'Write a date.', dateFormatWrong: 'Write the date as yyyy-mm-dd, for example 2021-04-20.',
    dateNoSuchDay: '{text} is not a day of the calendar.',
    dayNote: 'The date is effective time: what was in force, open and waiting on that day, as the record stands now.',
    overview: 'Overview as on {date}', inForce: 'Agreements in force', expiringYear: 'Expiring in {year}',
    within90: 'Expiring within 90 days', within180: 'Expiring within 180 days',
    openCost: 'Open cost-calculation cases', waiting: 'Law participation awaiting an answer',
    meetings: 'Upcoming meetings', timeline: 'Agreement terms',
    timelineHelp: 'One line per agreement, one bar per term from entry to expiry. The red line is {date}.',
    termInForce: 'Term in force', termOther: 'Other term', termEnded: 'Ended before expiry',
    term: 'term {n}: {from} – {to}', endedEarly: ' (ended {date})', noTerms: 'No agreement has been entered.',
    expiringHeading: 'Agreements running out', thisYear: 'In {year}', next90: 'Within 90 days',
    next180: 'Within 180 days', none: 'None.', daysLeft: '{n} days left', ranOut: 'ran out {n} days ago',
    costHeading: 'Open cost-calculation cases', caseNumber: 'Case no.', case: 'Case', ministries: 'Ministry',
    estimate: 'Latest estimate', period: 'Period', madeBy: 'Estimated by', noEstimate: 'No estimate',
    waitingHeading: 'Law participation awaiting the ministry\'s answer', law: 'Law or regulation',
    requestedBy: 'Requested by', reported: 'Reported', daysWaited: 'Days waited',
    meetingsHeading: 'Upcoming meetings', agenda: 'Agenda', noAgenda: 'No cases on the agenda yet.',
    countsHeading: 'Records by kind and state', kind: 'Kind', state: 'State', count: 'Count',
    changesHeading: 'Recent changes', live: 'Live: new changes appear here as soon as they are recorded.',
    connecting: 'Connecting to the published log …', reconnecting: 'Connection lost; reconnecting …',
    noChanges: 'No changes yet.', history: 'History: {title}', close: 'Back to the overview',
    position: 'Position', recorded: 'Recorded', effective: 'Effective', event: 'Event', actor: 'By',
    changes: 'Changes', footer: 'Samråd. Figures from /api/v1/dashboard, changes from the published log.',
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
      'November', 'December'],
    kinds: {AGREEMENT: 'Agreements', MEETING: 'Meetings', CROSS_SECTOR_THEME: 'Cross-sector themes',
      SECTOR_MATTER: 'Sector matters', COST_CALCULATION: 'Cost-calculation cases',
      LAW_PARTICIPATION: 'Law-participation cases'},
    states: {OPEN: 'open (stage not dated)'},
    events: {},
    locale: 'en-GB'
  }
};

const TOKEN_KEY = 'samrad.token';
const LANG_KEY = 'samrad.lang';
const PKCE_KEY = 'samrad.pkce';
const MAX_CHANGES = 25;
const RECENT_ON_OPEN = 10;
const SILENCE_LIMIT = 45000;

const state = {
  lang: localStorage.getItem(LANG_KEY) || 'nb',
  token: sessionStorage.getItem(TOKEN_KEY),
  on: null,
  dashboard: null,
  titles: new Map(),
  changes: [],
  stream: null,
  refreshTimer: null,
  loads: 0
};

const $ = id => document.getElementById(id);

function t(key, values) {
  const table = TEXT[state.lang];
  let text = table[key] !== undefined ? table[key] : TEXT.nb[key];
  Object.entries(values || {}).forEach(([name, value]) => { text = text.replace('{' + name + '}', value); });
  return text;
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : String(child)));
  return node;
}

// Dates as 'd. MMMM yyyy' in Norwegian ('d MMMM yyyy' in English); partial dates as far as known.
function formatDate(text) {
  if (!text) {
    return '';
  }
  const [year, month, day] = text.substring(0, 10).split('-');
  const months = t('months');
  if (!month) {
    return year;
  }
  if (!day) {
    return months[Number(month) - 1] + ' ' + year;
  }
  return Number(day) + (state.lang === 'nb' ? '. ' : ' ') + months[Number(month) - 1] + ' ' + year;
}

// The date field writes days as the page's language does, never as the browser's locale would
// (which is all <input type="date"> can do). English takes ISO yyyy-mm-dd: it is easy to type and
// no reader of English misreads it, as dd/mm and mm/dd readers misread each other's dates.
const DATE_FIELD = {
  nb: {pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, parts: match => [match[3], match[2], match[1]],
    write: (year, month, day) => day + '.' + month + '.' + year},
  en: {pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, parts: match => [match[1], match[2], match[3]],
    write: (year, month, day) => year + '-' + month + '-' + day}
};

function writeDateField(iso) {
  const [year, month, day] = iso.split('-');
  return DATE_FIELD[state.lang].write(year, month, day);
}

// The ISO date (yyyy-MM-dd, as /api/v1/dashboard takes it) the field's text names, or the key of
// the message that says what is wrong with it.
function readDateField(text) {
  const trimmed = text.trim();
  if (!trimmed) {
    return {error: 'dateMissing'};
  }
  const match = trimmed.match(DATE_FIELD[state.lang].pattern);
  if (!match) {
    return {error: 'dateFormatWrong'};
  }
  const [year, month, day] = DATE_FIELD[state.lang].parts(match).map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (!length || day < 1 || day > length) {
    return {error: 'dateNoSuchDay'};
  }
  return {iso: isoDate(year, month, day)};
}

function isoDate(year, month, day) {
  return String(year).padStart(4, '0') + '-' + String(month).padStart(2, '0') + '-' + String(day).padStart(2, '0');
}

function dayAfter(iso, days) {
  // Date.UTC(year, …) would take a year below 100 as 19xx: the year is set on its own.
  const date = new Date(Date.UTC(2000, 0, 1));
  const [year, month, day] = iso.split('-').map(Number);
  date.setUTCFullYear(year, month - 1, day + days);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function showDateError(key, text) {
  const field = $('on');
  if (key) {
    field.setAttribute('aria-invalid', 'true');
    $('on-error').textContent = t(key, {text});
  } else {
    field.removeAttribute('aria-invalid');
    $('on-error').textContent = '';
  }
}

// Loads the day the field names; a field that names none keeps the view and says why.
function applyDateField() {
  const field = $('on');
  const read = readDateField(field.value);
  if (read.error) {
    showDateError(read.error, field.value.trim());
    return false;
  }
  showDateError(null);
  field.value = writeDateField(read.iso);
  // Enter may fire both change and submit: the day asked for already is not asked for again.
  if (read.iso !== (state.on || (state.dashboard && state.dashboard.on))) {
    state.on = read.iso;
    load().catch(failed);
  }
  return true;
}

function stepDateField(days) {
  const read = readDateField($('on').value);
  const from = read.iso || (state.dashboard && state.dashboard.on);
  if (from) {
    $('on').value = writeDateField(dayAfter(from, days));
    applyDateField();
  }
}

function formatInstant(instant) {
  const date = new Date(instant);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString();
  return formatDate(local.substring(0, 10)) + ' ' + local.substring(11, 16);
}

function formatAmount(amount) {
  return new Intl.NumberFormat(t('locale'), {minimumFractionDigits: 2, maximumFractionDigits: 2})
    .format(amount) + ' kr';
}

function stateName(code) {
  return (TEXT[state.lang].states[code]) || code.toLowerCase().replace(/_/g, ' ');
}

function eventName(type) {
  return TEXT[state.lang].events[type] || type.replace(/([a-z])([A-Z])/g, '$1 $2');
}

// ---- API ------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function api(path) {
  const answer = await fetch(path, {headers: {Authorization: 'Bearer ' + state.token, Accept: 'application/json'}});
  if (!answer.ok) {
    let detail = answer.statusText;
    try {
      detail = (await answer.json()).detail || detail;
    } catch (ignored) {
      // not a problem document: the status text says enough
    }
    throw new ApiError(answer.status, detail);
  }
  return answer.json();
}

// ---- Sign-in ----------------------------------------------------------------------------------

function showSignIn(message) {
  stopStream();
  $('dashboard').hidden = true;
  $('history').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message || '';
}

function signOut(message) {
  state.token = null;
  sessionStorage.removeItem(TOKEN_KEY);
  showSignIn(message);
}

async function signIn(token) {
  state.token = token.trim();
  sessionStorage.setItem(TOKEN_KEY, state.token);
  await start();
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_')
    .replace(/=+$/, '');
}

// OpenID Connect authorisation code with PKCE, run by the page: Samråd never sees the user's
// password, and the access token stays in this tab.
async function startOidc(oidc) {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const stateValue = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({verifier, state: stateValue}));
  const url = new URL(oidc.authorizationEndpoint, location.href);
  url.search = new URLSearchParams({response_type: 'code', client_id: oidc.clientId, scope: oidc.scope,
    redirect_uri: location.origin + location.pathname, state: stateValue, code_challenge: challenge,
    code_challenge_method: 'S256'}).toString();
  location.assign(url.toString());
}

async function finishOidc(oidc, params) {
  const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) || '{}');
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', location.pathname);
  if (!saved.state || saved.state !== params.get('state')) {
    throw new ApiError(400, 'state');
  }
  const answer = await fetch(oidc.tokenEndpoint, {method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({grant_type: 'authorization_code', code: params.get('code'), client_id: oidc.clientId,
      redirect_uri: location.origin + location.pathname, code_verifier: saved.verifier})});
  if (!answer.ok) {
    throw new ApiError(answer.status, answer.statusText);
  }
  return (await answer.json()).access_token;
}

// ---- Rendering --------------------------------------------------------------------------------

function translateStatic() {
  document.documentElement.lang = state.lang;
  document.title = t('title');
  document.querySelectorAll('[data-t]').forEach(node => { node.textContent = t(node.dataset.t); });
  $('lang').value = state.lang;
}

function card(id, value, label, attention) {
  return el('li', {id, class: attention && value > 0 ? 'attention' : null},
    el('span', {class: 'value'}, value), el('span', {class: 'label'}, label));
}

function recordLink(kind, id, text) {
  return el('a', {href: '#/' + kind + '/' + id}, text);
}

function renderCards(d) {
  $('cards-heading').textContent = t('overview', {date: formatDate(d.on)});
  $('cards').replaceChildren(
    card('card-in-force', d.timeline.filter(row => row.inForce).length, t('inForce')),
    card('card-expiring-year', d.expiring.thisYear.length, t('expiringYear', {year: d.on.substring(0, 4)})),
    card('card-expiring-90', d.expiring.within90Days.length, t('within90'), true),
    card('card-expiring-180', d.expiring.within180Days.length, t('within180'), true),
    card('card-open-cost-cases', d.openCostCases.length, t('openCost')),
    card('card-awaiting-decision', d.awaitingDecision.length, t('waiting'), true),
    card('card-next-meetings', d.nextMeetings.length, t('meetings')));
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function dayNumber(text) {
  return Date.parse(text + 'T00:00:00Z') / 86400000;
}

// The timeline: one row per agreement, one bar per term, drawn in 1000 units across the years
// from the first entry to the last expiry (and the chosen day), with the day marked in red.
function renderTimeline(d) {
  $('timeline-help').textContent = t('timelineHelp', {date: formatDate(d.on)});
  const container = $('timeline');
  if (d.timeline.length === 0) {
    container.replaceChildren(el('p', {}, t('noTerms')));
    return;
  }
  const days = d.timeline.flatMap(row => row.terms.flatMap(term => [term.enteredOn, term.expiresOn])).concat(d.on);
  const firstYear = Math.min(...days.map(day => Number(day.substring(0, 4))));
  const lastYear = Math.max(...days.map(day => Number(day.substring(0, 4)))) + 1;
  const start = dayNumber(firstYear + '-01-01');
  const span = dayNumber(lastYear + '-01-01') - start;
  const x = text => ((dayNumber(text) - start) / span) * 1000;
  const marker = x(d.on);

  const axis = el('div', {class: 'tl-axis', 'aria-hidden': 'true'});
  const step = Math.max(1, Math.ceil((lastYear - firstYear) / 14));
  // Each year is labelled in the middle of its band, so that no label runs past either edge.
  for (let year = firstYear; year < lastYear; year += step) {
    const label = el('span', {}, year);
    label.style.left = (x(year + '-07-02') / 10) + '%';
    axis.append(label);
  }
  const axisRow = el('li', {class: 'tl-row', 'aria-hidden': 'true'}, el('span', {}), axis);

  const rows = d.timeline.map(row => {
    const bars = svg('svg', {viewBox: '0 0 1000 20', preserveAspectRatio: 'none', role: 'img', focusable: 'false'});
    const described = [];
    row.terms.forEach((term, index) => {
      const end = term.endedOn || term.expiresOn;
      const next = row.terms[index + 1];
      // A renewal replaces its predecessor from its entry date, which may lie before the old
      // expiry: the bar stops there, and a gap of two units keeps the terms apart.
      const drawnEnd = next && next.enteredOn < end ? next.enteredOn : end;
      const inForce = term.enteredOn <= d.on && d.on <= drawnEnd && !(next && next.enteredOn <= d.on);
      const from = x(term.enteredOn);
      const width = Math.max(2, x(drawnEnd) - from - (next ? 2 : 0));
      const colour = term.endedOn ? 'var(--term-ended)' : inForce ? 'var(--term)' : 'var(--term-other)';
      bars.append(svg('rect', {x: from, y: 4, width, height: 12, fill: colour, 'data-term': term.term}));
      described.push(t('term', {n: term.term, from: formatDate(term.enteredOn), to: formatDate(term.expiresOn)})
        + (term.endedOn ? t('endedEarly', {date: formatDate(term.endedOn)}) : ''));
    });
    bars.append(svg('line', {x1: marker, x2: marker, y1: 0, y2: 20, stroke: 'var(--marker)', 'stroke-width': 2,
      'vector-effect': 'non-scaling-stroke'}));
    bars.setAttribute('aria-label', row.title + ': ' + described.join('; '));
    const link = recordLink('agreements', row.id, row.title);
    link.title = row.title;
    return el('li', {class: 'tl-row', 'data-agreement': row.id, 'data-in-force': row.inForce}, link, bars);
  });
  const legend = el('p', {class: 'tl-legend'},
    el('span', {}, swatch('var(--term)'), t('termInForce')), el('span', {}, swatch('var(--term-other)'), t('termOther')),
    el('span', {}, swatch('var(--term-ended)'), t('termEnded')), el('span', {}, swatch('var(--marker)'), formatDate(d.on)));
  container.replaceChildren(el('ul', {class: 'tl-list'}, axisRow, rows), legend);
}

function swatch(colour) {
  const node = el('span', {class: 'swatch', 'aria-hidden': 'true'});
  node.style.background = colour;
  return node;
}

function renderExpiring(d) {
  const group = (heading, rows, id) => el('div', {id}, el('h3', {}, heading), rows.length === 0
    ? el('p', {}, t('none'))
    : el('ul', {}, rows.map(row => el('li', {}, recordLink('agreements', row.id, row.title), ' – ',
      formatDate(row.expiresOn), ' (', row.daysLeft >= 0 ? t('daysLeft', {n: row.daysLeft})
        : t('ranOut', {n: -row.daysLeft}), ')'))));
  $('expiring').replaceChildren(
    group(t('next90'), d.expiring.within90Days, 'expiring-90'),
    group(t('next180'), d.expiring.within180Days, 'expiring-180'),
    group(t('thisYear', {year: d.on.substring(0, 4)}), d.expiring.thisYear, 'expiring-year'));
}

function table(id, headings, rows, numeric) {
  if (rows.length === 0) {
    return el('p', {}, t('none'));
  }
  return el('table', {id},
    el('thead', {}, el('tr', {}, headings.map((heading, index) =>
      el('th', {scope: 'col', class: numeric.includes(index) ? 'number' : null}, heading)))),
    el('tbody', {}, rows.map(cells => el('tr', {}, cells.map((cell, index) =>
      el('td', {class: numeric.includes(index) ? 'number' : null}, cell))))));
}

function renderCostCases(d) {
  $('cost-cases').replaceChildren(table('cost-case-table',
    [t('caseNumber'), t('case'), t('ministries'), t('estimate'), t('period'), t('madeBy')],
    d.openCostCases.map(row => {
      const estimate = row.latestEstimate;
      return [row.caseNumber, recordLink('cases', row.id, row.title), row.ministries.join(', '),
        estimate ? formatAmount(estimate.amountNok) : t('noEstimate'),
        estimate ? (estimate.periodFrom === estimate.periodTo ? estimate.periodFrom
          : estimate.periodFrom + '–' + estimate.periodTo) : '',
        estimate ? estimate.madeBy : ''];
    }), [3]));
}

function renderWaiting(d) {
  $('waiting').replaceChildren(table('waiting-table',
    [t('caseNumber'), t('case'), t('ministries'), t('requestedBy'), t('reported'), t('daysWaited')],
    d.awaitingDecision.map(row => [row.caseNumber, recordLink('cases', row.id, row.title), row.ministries.join(', '),
      row.requestedBy || '', formatDate(row.reportedOn), row.daysWaited]), [5]));
}

function renderMeetings(d) {
  if (d.nextMeetings.length === 0) {
    $('meetings').replaceChildren(el('p', {}, t('none')));
    return;
  }
  $('meetings').replaceChildren(...d.nextMeetings.map(meeting => el('article', {class: 'meeting'},
    el('h3', {}, recordLink('meetings', meeting.id, meeting.title), ' – ', formatDate(meeting.date),
      ' (', stateName(meeting.status), ')'),
    meeting.agenda.length === 0 ? el('p', {class: 'muted'}, t('noAgenda')) : el('ul', {'aria-label': t('agenda')},
      meeting.agenda.map(item => el('li', {}, item.caseNumber + ' ', recordLink('cases', item.caseId, item.title),
        ' (', stateName(item.status), ')'))))));
}

function renderCounts(d) {
  const rows = [];
  Object.entries(d.counts).forEach(([kind, states]) => Object.entries(states).forEach(([code, count]) =>
    rows.push([TEXT[state.lang].kinds[kind] || kind, stateName(code), count])));
  $('counts').replaceChildren(table('counts-table', [t('kind'), t('state'), t('count')], rows, [2]));
}

function renderChanges() {
  const list = $('changes');
  if (state.changes.length === 0) {
    list.replaceChildren(el('li', {class: 'muted'}, t('noChanges')));
    return;
  }
  list.replaceChildren(...state.changes.map(change => {
    const title = state.titles.get(change.recordId);
    const kind = change.recordKind === 'Agreement' ? 'agreements' : change.recordKind === 'Meeting' ? 'meetings'
      : 'cases';
    const item = el('li', {'data-position': change.position, 'data-type': change.type,
      'data-record': change.recordId, class: change.fresh ? 'new' : null},
      el('time', {datetime: change.recordedAt}, formatInstant(change.recordedAt)), ' ',
      el('strong', {}, eventName(change.type)), ': ',
      change.recordId ? recordLink(kind, change.recordId, title || change.recordKind + ' ' + change.recordId.substring(0, 8))
        : '', change.party ? ' (' + change.party + ')' : '');
    change.fresh = false;
    return item;
  }));
}

function render() {
  translateStatic();
  const d = state.dashboard;
  if (!d) {
    return;
  }
  // Never under the user's fingers: a refresh from the live stream must not undo what they type.
  if (document.activeElement !== $('on')) {
    $('on').value = writeDateField(d.on);
    showDateError(null);
  }
  renderCards(d);
  renderTimeline(d);
  renderExpiring(d);
  renderCostCases(d);
  renderWaiting(d);
  renderMeetings(d);
  renderCounts(d);
  renderChanges();
}

function remember(d) {
  d.timeline.forEach(row => state.titles.set(row.id, row.title));
  d.openCostCases.forEach(row => state.titles.set(row.id, row.title));
  d.awaitingDecision.forEach(row => state.titles.set(row.id, row.title));
  d.nextMeetings.forEach(meeting => {
    state.titles.set(meeting.id, meeting.title);
    meeting.agenda.forEach(item => state.titles.set(item.caseId, item.title));
  });
}

async function load() {
  const query = state.on ? '?on=' + encodeURIComponent(state.on) : '';
  // Answers may overtake each other (a day stepped through with the arrow keys): only the last
  // one asked for is shown.
  const asked = ++state.loads;
  const d = await api('/api/v1/dashboard' + query);
  if (asked === state.loads) {
    remember(d);
    state.dashboard = d;
    render();
  }
  return d;
}

// ---- The live stream -------------------------------------------------------------------------

function stopStream() {
  if (state.stream) {
    state.stream.abort();
    state.stream = null;
  }
}

// EventSource cannot send the Authorization header, so the stream is read with fetch() and parsed
// here; on reconnection the last position seen goes back as Last-Event-ID, so nothing is missed.
async function follow(from) {
  stopStream();
  const control = new AbortController();
  state.stream = control;
  let last = from;
  let retry = 2000;
  $('live').textContent = t('connecting');
  while (!control.signal.aborted) {
    // A connection that stays silent for three heartbeats is dead, however open it looks: drop it.
    const connection = new AbortController();
    const drop = () => connection.abort();
    control.signal.addEventListener('abort', drop);
    let watchdog = null;
    const heard = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(drop, SILENCE_LIMIT);
    };
    try {
      heard();
      const answer = await fetch('/api/v1/events/stream', {signal: connection.signal, headers: {
        Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream', 'Last-Event-ID': String(last)}});
      if (answer.status === 401) {
        signOut(t('rejected'));
        return;
      }
      if (!answer.ok) {
        throw new ApiError(answer.status, answer.statusText);
      }
      $('live').textContent = t('live');
      const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done) {
          break;
        }
        heard();
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = parse(buffer.substring(0, end));
          buffer = buffer.substring(end + 2);
          if (message.retry) {
            retry = message.retry;
          }
          if (message.id) {
            last = message.id;
          }
          if (message.data) {
            received(JSON.parse(message.data));
          }
        }
      }
    } catch (error) {
      if (control.signal.aborted) {
        return;
      }
    } finally {
      clearTimeout(watchdog);
      control.signal.removeEventListener('abort', drop);
    }
    $('live').textContent = t('reconnecting');
    await new Promise(resolve => setTimeout(resolve, retry));
  }
}

function parse(block) {
  const message = {data: null, id: null, retry: null};
  block.split('\n').forEach(line => {
    const colon = line.indexOf(':');
    if (colon === 0) {
      return;
    }
    const field = colon < 0 ? line : line.substring(0, colon);
    const value = colon < 0 ? '' : line.substring(colon + 1).replace(/^ /, '');
    if (field === 'data') {
      message.data = message.data === null ? value : message.data + '\n' + value;
    } else if (field === 'id') {
      message.id = value;
    } else if (field === 'retry' && /^\d+$/.test(value)) {
      message.retry = Number(value);
    }
  });
  return message;
}

function received(event) {
  if (event.payload && event.payload.title && event.recordId) {
    state.titles.set(event.recordId, event.payload.title);
  }
  event.fresh = true;
  state.changes.unshift(event);
  state.changes.length = Math.min(state.changes.length, MAX_CHANGES);
  renderChanges();
  // A burst of events (a command causes several) refreshes the summary once.
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(() => load().catch(failed), 200);
}

// ---- History ------------------------------------------------------------------------------------

async function showHistory(kind, id) {
  const changes = await api('/api/v1/' + kind + '/' + encodeURIComponent(id) + '/changes');
  $('history-heading').textContent = t('history', {title: state.titles.get(id) || id});
  $('history-body').replaceChildren(table('history-table',
    [t('position'), t('recorded'), t('effective'), t('event'), t('actor'), t('changes')],
    changes.map(change => [change.position, formatInstant(change.recordedAt), formatDate(change.effectiveOn),
      eventName(change.type), [change.actor, change.party].filter(Boolean).join(', '),
      el('ul', {}, (change.changes || []).map(field => el('li', {}, field.field + ': ',
        field.oldValue === undefined || field.oldValue === null ? '' : JSON.stringify(field.oldValue) + ' → ',
        JSON.stringify(field.newValue))))]), [0]));
  $('dashboard').hidden = true;
  $('history').hidden = false;
  $('history-heading').focus();
}

async function route() {
  const match = location.hash.match(/^#\/(agreements|meetings|cases)\/([0-9a-f-]{36})$/);
  if (!match || !state.token) {
    $('history').hidden = true;
    $('dashboard').hidden = !state.dashboard;
    return;
  }
  await showHistory(match[1], match[2]);
}

// ---- Start --------------------------------------------------------------------------------------

function failed(error) {
  if (error instanceof ApiError && error.status === 401) {
    signOut(t('rejected'));
  } else if (error instanceof ApiError && error.status === 403) {
    signOut(t('forbidden'));
  } else {
    $('sign-in-error').textContent = t('failed') + error.message;
  }
}

async function start() {
  try {
    const d = await load();
    $('sign-in').hidden = true;
    $('sign-out').hidden = false;
    $('dashboard').hidden = false;
    follow(Math.max(0, d.logHead - RECENT_ON_OPEN));
    await route();
  } catch (error) {
    failed(error);
  }
}

async function boot() {
  translateStatic();
  $('lang').addEventListener('change', () => {
    state.lang = $('lang').value;
    localStorage.setItem(LANG_KEY, state.lang);
    render();
  });
  $('token-form').addEventListener('submit', event => {
    event.preventDefault();
    signIn($('token').value);
    $('token').value = '';
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('day-form').addEventListener('submit', event => {
    event.preventDefault();
    if (!applyDateField()) {
      $('on').focus();
    }
  });
  $('on').addEventListener('change', applyDateField);
  $('on').addEventListener('keydown', event => {
    if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && !event.altKey && !event.ctrlKey
        && !event.metaKey) {
      event.preventDefault();
      stepDateField(event.key === 'ArrowUp' ? 1 : -1);
    }
  });
  $('today').addEventListener('click', () => {
    state.on = null;
    load().catch(failed);
  });
  $('history-close').addEventListener('click', event => {
    event.preventDefault();
    history.pushState(null, '', location.pathname);
    route();
  });
  window.addEventListener('hashchange', () => route().catch(failed));

  const settings = await fetch('/api/v1/dashboard/sign-in').then(answer => answer.json());
  const params = new URLSearchParams(location.search);
  if (settings.oidc && params.has('code')) {
    try {
      await signIn(await finishOidc(settings.oidc, params));
      return;
    } catch (error) {
      showSignIn(t('rejected'));
    }
  }
  if (settings.oidc) {
    $('oidc').hidden = false;
    $('oidc-button').addEventListener('click', () => startOidc(settings.oidc));
  }
  if (state.token) {
    await start();
  } else {
    showSignIn();
  }
}

boot();
