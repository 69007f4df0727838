/*
 * The fans' page: concert list → waiting room → dates → seat map → hold with countdown → balance and payment →
 * confirmation, on the public API only (docs/DESIGN.md section 4). No framework, no build step: the gateway serves
 * these files as they are. State that must survive a reload or a closed tab (the user id, the queue token, the hold,
 * the idempotency keys of a charge or payment in flight) is kept in localStorage.
 */
(() => {
  'use strict';

  const API = '/api/v1';
  const SEAT_REFRESH_MS = 5000;
  const view = document.getElementById('view');
  const problemBox = document.getElementById('problem');
  const announcer = document.getElementById('announcer');

  // ---- storage, language, formatting ---------------------------------------------------------------------------

  const store = {
    get: (key) => { try { return JSON.parse(localStorage.getItem('ticketing.' + key)); } catch { return null; } },
    set: (key, value) => { localStorage.setItem('ticketing.' + key, JSON.stringify(value)); return value; },
    del: (key) => localStorage.removeItem('ticketing.' + key),
  };
  let lang = store.get('lang') || ((navigator.language || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en');
  const userId = store.get('userId') || store.set('userId', crypto.randomUUID());

  function t(key, vars = {}) {
    const text = (window.I18N[lang] && window.I18N[lang][key]) || window.I18N.en[key] || key;
    return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : '{' + name + '}'));
  }
  const locale = () => (lang === 'ko' ? 'ko-KR' : 'en-GB');
  const money = (won) => new Intl.NumberFormat(locale(), { style: 'currency', currency: 'KRW' }).format(won);
  const day = (iso) => new Intl.DateTimeFormat(locale(), { dateStyle: 'full', timeZone: 'UTC' })
    .format(new Date(iso + 'T00:00:00Z'));
  const esc = (value) => String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  function minutes(seconds) {
    if (seconds < 60) return t('lessThanAMinute');
    return t('aboutMinutes', { n: Math.round(seconds / 60) });
  }

  // ---- the session: one concert at a time ----------------------------------------------------------------------

  const session = {
    get: () => store.get('session'),
    start: (concert) => store.set('session', { concertId: concert.concertId, title: concert.title }),
    update: (changes) => store.set('session', Object.assign(session.get() || {}, changes)),
    end: () => store.del('session'),
  };

  // ---- HTTP ----------------------------------------------------------------------------------------------------

  class Problem extends Error {
    constructor(status, body, retryAfterSeconds) {
      super((body && body.detail) || ('HTTP ' + status));
      this.status = status;
      this.code = (body && body.code) || (status === 0 ? 'NETWORK' : 'HTTP_' + status);
      this.retryAfterSeconds = retryAfterSeconds;
    }
    get busy() { return this.status === 0 || this.status === 429 || this.status === 503 || this.status === 504; }
  }

  async function call(method, path, { body, auth = false, idempotencyKey } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (auth) headers.Authorization = 'Bearer ' + session.get().token;
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    let response;
    try {
      response = await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new Problem(0, null, null);
    }
    const text = await response.text();
    const json = text ? (() => { try { return JSON.parse(text); } catch { return null; } })() : null;
    if (!response.ok) {
      const retryAfter = Number.parseInt(response.headers.get('Retry-After') || '', 10);
      throw new Problem(response.status, json, Number.isFinite(retryAfter) ? retryAfter : null);
    }
    return json;
  }

  // ---- timers: one background task per view (poll, refresh, countdown), replaced when the view changes ----------

  let task = null;
  let tick = null;
  function later(fn, ms) { clearTimeout(task); task = setTimeout(fn, ms); }
  function every(fn, ms) { clearInterval(tick); tick = setInterval(fn, ms); }
  function stopTimers() { clearTimeout(task); clearInterval(tick); task = null; tick = null; }

  // ---- rendering -----------------------------------------------------------------------------------------------

  function render(html, { focus = true } = {}) {
    view.innerHTML = html;
    view.setAttribute('aria-busy', 'false');
    const heading = view.querySelector('h1');
    if (focus && heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
    view.querySelectorAll('[data-go]').forEach((el) => el.addEventListener('click', () => go(el.dataset.go)));
  }

  function announce(text) {
    announcer.textContent = '';
    setTimeout(() => { announcer.textContent = text; }, 50);
  }

  function clearProblem() {
    problemBox.hidden = true;
    problemBox.innerHTML = '';
  }

  /** Shows what went wrong in words, with the one button that leads on. */
  function showProblem(message, action) {
    problemBox.innerHTML = '<p>' + esc(message) + '</p>'
      + (action ? '<button type="button" id="problem-action">' + esc(action.label) + '</button>' : '');
    problemBox.hidden = false;
    if (action) {
      document.getElementById('problem-action').addEventListener('click', () => { clearProblem(); action.run(); });
    }
  }

  function translateStatic() {
    document.documentElement.lang = lang;
    document.title = t('brand');
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    const other = lang === 'ko' ? 'en' : 'ko';
    const toggle = document.getElementById('language');
    toggle.textContent = other === 'ko' ? '한국어' : 'English';
    toggle.lang = other;
    toggle.setAttribute('aria-label', other === 'ko' ? '한국어로 보기' : 'View in English');
  }

  // ---- navigation ----------------------------------------------------------------------------------------------

  function go(hash) {
    if (location.hash === hash) route(); else location.hash = hash;
  }

  function route() {
    stopTimers();
    clearProblem();
    view.innerHTML = '';
    view.setAttribute('aria-busy', 'true');
    const current = session.get();
    if (!location.hash && current && current.token) {
      // Back after closing the tab: straight to the line, whose place lasts only while the page keeps asking.
      return go('#/queue');
    }
    const [, page, arg] = (location.hash || '#/').split('/');
    const needsToken = page && page !== 'done';
    if (needsToken && !(current && current.token)) return concerts();
    switch (page) {
      case 'queue': return waitingRoom();
      case 'dates': return dates();
      case 'seats': return seats(decodeURIComponent(arg || ''));
      case 'hold': return hold();
      case 'done': return done();
      default: return concerts();
    }
  }

  /**
   * Runs an action, and deals with a refusal: busy (503/429/none) → waits as Retry-After says (else backs off, up to
   * 30 s) and then runs {@code again}, the whole step the action belongs to; any other refusal → a plain message
   * with the way on. Never more than one request in flight or scheduled: no hammering.
   */
  let busyStreak = 0;
  async function attempt(action, again) {
    try {
      const result = await action();
      busyStreak = 0;
      return result;
    } catch (failure) {
      if (!(failure instanceof Problem)) throw failure;
      if (failure.busy) {
        busyStreak += 1;
        const seconds = failure.retryAfterSeconds || Math.min(30, 2 ** Math.min(busyStreak, 5));
        showProblem(t('busy', { n: seconds }));
        later(() => { clearProblem(); again(); }, seconds * 1000);
        return undefined;
      }
      return refused(failure);
    }
  }

  function refused(problem) {
    const current = session.get() || {};
    switch (problem.code) {
      case 'TOKEN_EXPIRED':
      case 'TOKEN_INVALID':
        stopTimers();
        session.update({ token: null });
        return showProblem(t('tokenEnded'), { label: t('joinAgain'), run: () => join(current) });
      case 'QUEUE_NOT_ACTIVE':
        return go('#/queue');
      case 'WRONG_CONCERT':
      case 'CONCERT_NOT_FOUND':
        session.end();
        return showProblem(t('concertGone'), { label: t('toConcerts'), run: () => go('#/') });
      case 'DATE_NOT_FOUND':
        return showProblem(t('dateGone'), { label: t('toDates'), run: () => go('#/dates') });
      case 'SEAT_UNAVAILABLE': {
        showProblem(t('seatTaken'), { label: t('pickAnother'), run: () => route() });
        const [, page, date] = location.hash.split('/');
        return page === 'seats' ? seats(decodeURIComponent(date)) : undefined; // show who has it now
      }
      case 'HOLD_LIMIT':
        return resumeHeld();
      case 'HOLD_EXPIRED':
        session.update({ reservation: null, paymentKey: null });
        return showProblem(t('holdExpired'), { label: t('toSeats'), run: () => go('#/dates') });
      case 'INSUFFICIENT_BALANCE':
        return showProblem(t('notEnoughBalance'), { label: t('chargeNow'), run: () => {
          const amount = document.getElementById('amount');
          if (amount) amount.focus();
        } });
      case 'ALREADY_PAID':
        return go('#/done');
      default:
        return showProblem(problem.message, { label: t('toConcerts'), run: () => go('#/') });
    }
  }

  // ---- concerts and joining ------------------------------------------------------------------------------------

  async function concerts() {
    const list = await attempt(() => call('GET', '/concerts'), concerts);
    if (!list) return;
    const current = session.get();
    const resume = current && current.token
      ? '<div class="card notice"><p>' + esc(t('resume', { title: current.title })) + '</p>'
        + '<button type="button" data-go="#/queue">' + esc(t('continue')) + '</button></div>'
      : '';
    render('<h1>' + esc(t('concerts')) + '</h1>' + resume
      + (list.length === 0 ? '<p>' + esc(t('noConcerts')) + '</p>' : '<ul class="plain">' + list.map((c) =>
        '<li class="card row"><div><h2>' + esc(c.title) + '</h2><p class="muted">' + esc(c.venue) + '</p></div>'
        + '<button type="button" class="join" data-concert="' + esc(c.concertId) + '" aria-label="'
        + esc(t('joinFor', { title: c.title })) + '">' + esc(t('join')) + '</button></li>').join('') + '</ul>'));
    view.querySelectorAll('button.join').forEach((button) => button.addEventListener('click', () => {
      const concert = list.find((c) => c.concertId === button.dataset.concert);
      session.start(concert);
      join(session.get());
    }));
  }

  /** Joining again with the same user and concert keeps a live place (the contract says so), else gets a new one. */
  async function join(current) {
    const answer = await attempt(() => call('POST', '/queue/tokens',
      { body: { userId, concertId: current.concertId } }), () => join(current));
    if (!answer) return;
    session.update({ token: answer.token, firstPosition: answer.position || null });
    if (answer.status === 'ACTIVE') go('#/dates'); else go('#/queue');
  }

  // ---- the waiting room ----------------------------------------------------------------------------------------

  async function waitingRoom() {
    const answer = await attempt(() => call('GET', '/queue/tokens/me', { auth: true }), waitingRoom);
    if (!answer) return;
    const current = session.update({ token: answer.token });
    if (answer.status === 'ACTIVE') {
      announce(t('yourTurn'));
      return go('#/dates');
    }
    const first = Math.max(current.firstPosition || answer.position, answer.position);
    session.update({ firstPosition: first });
    const done = first <= 1 ? 100 : Math.round(100 * (first - answer.position) / (first - 1));
    const shown = document.getElementById('position');
    if (!shown) {
      render('<h1>' + esc(t('waitingRoom', { title: current.title })) + '</h1>'
        + '<div class="card" aria-describedby="how"><p>' + esc(t('yourPlace')) + '</p>'
        + '<p class="big" id="position"></p><p id="wait"></p>'
        + '<label for="progress">' + esc(t('progress')) + '</label>'
        + '<progress id="progress" max="100"></progress><p id="progress-text" class="muted"></p></div>'
        + '<p id="how" class="muted">' + esc(t('keepOpen')) + '</p>');
    }
    const previous = document.getElementById('position').textContent;
    document.getElementById('position').textContent = answer.position.toLocaleString(locale());
    document.getElementById('wait').textContent = t('estimatedWait', { wait: minutes(answer.estimatedWaitSeconds) });
    document.getElementById('progress').value = done;
    document.getElementById('progress-text').textContent = t('percentDone', { n: done });
    if (previous !== answer.position.toLocaleString(locale())) {
      announce(t('positionNow', { n: answer.position, wait: minutes(answer.estimatedWaitSeconds) }));
    }
    // Exactly as the server asks: sooner would break the line's poll budget, later could lose the place.
    later(waitingRoom, Math.max(1, answer.pollAfterSeconds || 1) * 1000);
  }

  // ---- dates and seats -----------------------------------------------------------------------------------------

  async function dates() {
    const current = session.get();
    const list = await attempt(() => call('GET', '/concerts/' + encodeURIComponent(current.concertId) + '/dates',
      { auth: true }), dates);
    if (!list) return;
    render('<h1>' + esc(t('pickDate', { title: current.title })) + '</h1>'
      + (list.length === 0 ? '<p class="card">' + esc(t('soldOut')) + '</p>' : '<ul class="plain">' + list.map((d) =>
        '<li class="card row"><div><h2>' + esc(day(d.date)) + '</h2><p class="muted">'
        + esc(t('seatsLeft', { n: d.availableSeats, total: d.totalSeats })) + '</p></div>'
        + '<button type="button" data-go="#/seats/' + esc(d.date) + '">' + esc(t('seeSeats')) + '</button></li>')
        .join('') + '</ul>'));
  }

  async function seats(date) {
    const current = session.get();
    const list = await attempt(() => call('GET', '/concerts/' + encodeURIComponent(current.concertId) + '/dates/'
      + encodeURIComponent(date) + '/seats', { auth: true }), () => seats(date));
    if (!list) return;
    const grid = document.getElementById('seats');
    const html = list.map((s) => '<button type="button" class="seat ' + esc(s.status) + '" data-seat="'
      + s.seatNumber + '" ' + (s.status === 'AVAILABLE' ? '' : 'disabled ') + 'aria-label="'
      + esc(t('seatLabel', { n: s.seatNumber, status: t(s.status), price: money(s.price) })) + '">'
      + s.seatNumber + '</button>').join('');
    if (grid) {
      grid.innerHTML = html; // a refresh: keep the heading and the fan's place on the page
    } else {
      render('<h1>' + esc(t('pickSeat', { date: day(date) })) + '</h1>'
        + '<p class="legend"><span class="AVAILABLE">' + esc(t('AVAILABLE')) + '</span><span class="HELD">'
        + esc(t('HELD')) + '</span><span class="SOLD">' + esc(t('SOLD')) + '</span></p>'
        + '<div id="seats" class="seats" role="group" aria-label="' + esc(t('seatMap')) + '">' + html + '</div>'
        + '<p class="muted">' + esc(t('seatsRefresh')) + '</p>'
        + '<button type="button" class="secondary" data-go="#/dates">' + esc(t('toDates')) + '</button>');
    }
    document.getElementById('seats').querySelectorAll('button.seat:not([disabled])').forEach((button) =>
      button.addEventListener('click', () => holdSeat(date, Number(button.dataset.seat))));
    later(() => seats(date), SEAT_REFRESH_MS);
  }

  async function holdSeat(date, seatNumber) {
    stopTimers();
    const current = session.get();
    const held = await attempt(() => call('POST', '/reservations',
      { auth: true, body: { concertId: current.concertId, date, seatNumber } }), () => holdSeat(date, seatNumber));
    if (!held) return;
    session.update({ reservation: held, paymentKey: null, chargeKey: null });
    go('#/hold');
  }

  async function resumeHeld() {
    const page = await attempt(() => call('GET', '/reservations?status=HELD&limit=1', { auth: true }), resumeHeld);
    if (!page) return;
    if (page.items.length === 0) return go('#/dates');
    session.update({ reservation: page.items[0] });
    go('#/hold');
  }

  // ---- the hold: countdown, balance, charge, pay ---------------------------------------------------------------

  async function hold() {
    const current = session.get();
    const reservation = current.reservation;
    if (!reservation) return go('#/dates');
    const balance = await attempt(() => call('GET', '/balance', { auth: true }), hold);
    if (!balance) return;
    const shortfall = Math.max(0, reservation.price - balance.balance);
    render('<h1>' + esc(t('yourHold', { n: reservation.seatNumber })) + '</h1>'
      + '<div class="card"><p>' + esc(day(reservation.date)) + ' · ' + esc(money(reservation.price)) + '</p>'
      + '<p>' + esc(t('heldFor')) + ' <strong class="timer" id="countdown" role="timer" aria-live="off"></strong></p></div>'
      + '<div class="card"><p>' + esc(t('balanceIs')) + ' <strong id="balance">' + esc(money(balance.balance))
      + '</strong></p><form id="charge"><label for="amount">' + esc(t('chargeAmount')) + '</label>'
      + '<div class="row"><input id="amount" name="amount" type="number" inputmode="numeric" min="1" max="10000000" step="1" required value="'
      + (shortfall || reservation.price) + '"><button type="submit" class="secondary">' + esc(t('charge'))
      + '</button></div></form></div>'
      + '<button type="button" id="pay">' + esc(t('pay', { price: money(reservation.price) })) + '</button>');
    const expiresAt = Date.parse(reservation.expiresAt);
    const countdown = () => {
      const left = Math.max(0, Math.ceil((expiresAt - Date.now()) / 1000));
      const el = document.getElementById('countdown');
      if (!el) return;
      el.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
      el.classList.toggle('low', left <= 30);
      if (left === 60 || left === 30 || left === 10) announce(t('secondsLeft', { n: left }));
      if (left === 0) {
        stopTimers();
        session.update({ reservation: null, paymentKey: null });
        document.getElementById('pay').disabled = true;
        showProblem(t('holdExpired'), { label: t('toSeats'), run: () => go('#/dates') });
      }
    };
    countdown();
    every(countdown, 1000);
    document.getElementById('charge').addEventListener('submit', (event) => {
      event.preventDefault();
      charge(Number(document.getElementById('amount').value));
    });
    document.getElementById('pay').addEventListener('click', pay);
  }

  async function charge(amount) {
    if (!Number.isInteger(amount) || amount < 1 || amount > 10000000) {
      return showProblem(t('badAmount'));
    }
    clearProblem();
    // One key per charge the fan asked for: sent again after a busy answer, it charges once.
    const key = session.get().chargeKey || session.update({ chargeKey: crypto.randomUUID() }).chargeKey;
    const answer = await attempt(() => call('POST', '/balance/charges', { auth: true, body: { amount }, idempotencyKey: key }),
      () => charge(amount));
    if (!answer) return;
    session.update({ chargeKey: null });
    document.getElementById('balance').textContent = money(answer.balance);
    announce(t('charged', { balance: money(answer.balance) }));
  }

  async function pay() {
    clearProblem();
    const current = session.get();
    const key = current.paymentKey || session.update({ paymentKey: crypto.randomUUID() }).paymentKey;
    document.getElementById('pay').disabled = true;
    const paid = await attempt(() => call('POST', '/payments',
      { auth: true, body: { reservationId: current.reservation.reservationId }, idempotencyKey: key }), pay);
    const button = document.getElementById('pay');
    if (button) button.disabled = false;
    if (!paid) return;
    stopTimers();
    session.update({ receipt: Object.assign({}, paid, current.reservation), reservation: null, paymentKey: null, token: null });
    go('#/done');
  }

  // ---- confirmation --------------------------------------------------------------------------------------------

  async function done() {
    const current = session.get();
    const receipt = current && current.receipt;
    if (!receipt) return go('#/');
    render('<h1>' + esc(t('paid')) + '</h1><div class="card"><p>' + esc(t('receipt', { n: receipt.seatNumber,
      date: day(receipt.date), title: current.title })) + '</p><p>' + esc(t('amountPaid', { amount: money(receipt.amount),
      balance: money(receipt.balance) })) + '</p><p id="ticket-status" role="status">' + esc(t('checking')) + '</p></div>'
      + '<button type="button" data-go="#/">' + esc(t('toConcerts')) + '</button>');
    confirmTicket(receipt, 0);
  }

  /**
   * The paid token has ended, so the ticket is read with a new one: joining again gives a token that may read the
   * fan's own reservations even while WAITING. The confirmation follows the payment within seconds.
   */
  async function confirmTicket(receipt, tries) {
    const current = session.get();
    try {
      const joined = await call('POST', '/queue/tokens', { body: { userId, concertId: current.concertId } });
      session.update({ token: joined.token });
      const reservation = await call('GET', '/reservations/' + encodeURIComponent(receipt.reservationId), { auth: true });
      if (reservation.status === 'CONFIRMED') {
        session.update({ token: null });
        const status = document.getElementById('ticket-status');
        if (status) status.textContent = t('confirmed', { n: receipt.seatNumber });
        return;
      }
    } catch (failure) {
      if (!(failure instanceof Problem)) throw failure;
    }
    if (tries < 15) later(() => confirmTicket(receipt, tries + 1), 1000);
  }

  // ---- start ---------------------------------------------------------------------------------------------------

  document.getElementById('language').addEventListener('click', () => {
    lang = store.set('lang', lang === 'ko' ? 'en' : 'ko');
    translateStatic();
    route();
  });
  window.addEventListener('hashchange', route);
  translateStatic();
  route();
})();
