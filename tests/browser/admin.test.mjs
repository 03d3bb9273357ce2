// The admin (ui-admin, port 8001) in a real headless Chromium, against the real restream and the
// fake provider: the sign-in form (a wrong password is refused with a message), the dashboard
// (a category, its channels' logos through the admin, a search as you type, start → live, the share URLs
// the API gives, the muted preview playing the low-latency rendition (the TS one where that answers
// 404), a provider gone silent told in a sentence chosen by its error_code and recovered from, a
// switch in one click, favourites, stop), sign-out; and the defences:
// no request of the dashboard leaves the admin's origin (logos included), CSRF token and Origin on
// POSTs, next= kept on the site, forwarded addresses from untrusted peers refused (by the host),
// and a session that ends with the API token. The admin calls the API of its own process (no
// plugins.ui-admin.apiUrl).
// Screenshots of the sign-in page and of the live dashboard in both languages (and on a phone) are
// saved as artifacts.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeProvider, Restream, artifact, launchBrowser, waitFor } from './support/harness.mjs';
import { adminFetch, submitLogin, textOf } from './support/admin.mjs';

const FIRST_CHANNEL = 101;  // France 2 Été, category 1 Généralistes
const SECOND_CHANNEL = 105; // News 24, category 2 Info
const READ_TIMEOUT_S = 3;   // live.readTimeout: how long a silent provider is waited for

let provider;
let restream;
let browser;
let context;
let page;
const cspViolations = [];
const pageRequests = []; // every URL the dashboard's page asked for

const PART = /^\/preview\/hls\/program\/[0-9a-f]{10}-\d+\.\d+\.m4s$/; // a part of the low-latency rendition
const previewFailures = []; // preview requests answered with a 5xx, or that failed

// The preview's requests since the since-th request of the page, as URLs.
function previewAsked(since = 0) {
	return pageRequests.slice(since).map((url) => new URL(url)).filter((url) => url.pathname.startsWith('/preview/'));
}

// The page's requests that left the admin's origin (data: and blob: never leave the browser).
function foreignRequests() {
	const origin = new URL(restream.adminUrl).origin;
	return pageRequests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
}

async function sessionCookie(ofContext) {
	const cookies = await ofContext.cookies();
	return cookies.find((cookie) => cookie.name === 'restream_admin');
}

async function csrfToken() {
	return page.getAttribute('meta[name="csrf-token"]', 'content');
}

async function state() {
	return page.getAttribute('#stateBadge', 'data-state');
}

async function videoTime() {
	return page.evaluate(() => document.getElementById('preview').currentTime);
}

async function rowButton(streamId) {
	return page.$(rowAction(streamId));
}

// A row's action button by selector: the list may render again between finding a row and clicking it,
// and page.click() finds the button anew until it can click it.
function rowAction(streamId) {
	return `#channelList li[data-stream-id="${streamId}"] .btn-action`;
}

before(async () => {
	provider = new FakeProvider({ maxConnections: 2 });
	await provider.start();
	restream = new Restream({ provider, defines: { 'live.readTimeout': String(READ_TIMEOUT_S) } });
	await restream.start();
	browser = await launchBrowser();
});

after(async () => {
	if (browser) await browser.close();
	if (restream) await restream.stop();
	if (provider) await provider.stop();
});

test('the sign-in page in English and French; a wrong password shows the form again with a message', async () => {
	for (const [locale, heading, wrong] of [
		['fr-FR', 'Administration restream', 'Nom d\'utilisateur ou mot de passe incorrect.'],
		['en-US', 'restream admin', 'Incorrect user name or password.'],
	]) {
		const loginContext = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
		const loginPage = await loginContext.newPage();
		const response = await loginPage.goto(restream.adminUrl + '/');
		assert.equal(response.status(), 200);
		assert.equal(new URL(loginPage.url()).pathname, '/login', 'without a session, / goes to /login');
		assert.equal(await textOf(loginPage, 'h1'), heading);
		assert.equal(await loginPage.isVisible('#loginError'), false);
		await loginPage.screenshot({ path: artifact(`admin-login-${locale.slice(0, 2)}.png`) });

		const refused = await submitLogin(loginPage, 'admin', 'not-the-password');
		assert.equal(refused.status(), 401);
		assert.equal(await textOf(loginPage, '#loginError'), wrong);
		assert.equal(await loginPage.isVisible('#loginError'), true);
		assert.equal(await sessionCookie(loginContext), undefined, 'no session after a wrong password');
		await loginContext.close();
	}
});

test('signing in ignores a next= that leaves the site and sets a strict, HttpOnly session cookie', async () => {
	context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
	page = await context.newPage();
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
	});
	page.on('request', (request) => pageRequests.push(request.url()));
	page.on('response', (response) => {
		if (new URL(response.url()).pathname.startsWith('/preview/') && response.status() >= 500) previewFailures.push(`${response.status()} ${response.url()}`);
	});
	await page.goto(restream.adminUrl + '/login?next=//evil.example/steal');
	const response = await submitLogin(page, 'admin', restream.adminPassword());
	assert.equal(response.status(), 303);
	assert.equal(page.url(), restream.adminUrl + '/', 'next=//evil.example is ignored');
	const cookie = await sessionCookie(context);
	assert.ok(cookie, 'a session cookie');
	assert.equal(cookie.httpOnly, true);
	assert.equal(cookie.sameSite, 'Strict');
	assert.equal(cookie.path, '/');
	const html = await page.content();
	assert.doesNotMatch(html, /eyJ[\w-]+\.[\w-]+\./, 'the API token never reaches the browser');

	for (const next of ['/\\evil.example', 'https://evil.example/', '/%2F%2Fevil.example', '/%5Cevil.example']) {
		const redirected = await adminFetch(restream, '/login?next=' + encodeURIComponent(next), { cookie: `restream_admin=${cookie.value}` });
		assert.equal(redirected.status, 302);
		assert.equal(redirected.headers.get('location'), '/', `next=${next} is ignored`);
	}
});

test('a category, a search as you type, and a start that reaches live; share URLs and preview', async () => {
	await waitFor('the categories', async () => (await page.$$('#categoryList button')).length >= 5, 10000);
	await page.click('#categoryList button:has-text("Info")');
	await waitFor('the channels of Info', async () =>
		(await page.$$eval('#channelList li[data-stream-id]', (rows) => rows.map((row) => row.dataset.streamId).join())) === '104,105', 10000);
	assert.equal(await textOf(page, '#listTitle'), 'Info');

	// a logo comes through the admin, which had restream fetch it from the provider; no logo, the placeholder
	const logo = `#channelList li[data-stream-id="${SECOND_CHANNEL}"] img.channel-logo`;
	await waitFor('the logo of News 24', async () =>
		page.$eval(logo, (image) => image.complete && image.naturalWidth > 0).catch(() => false), 10000);
	assert.equal(new URL(await page.getAttribute(logo, 'src'), restream.adminUrl).pathname, `/ui/logos/${SECOND_CHANNEL}`);
	assert.ok(await page.$('#channelList li[data-stream-id="104"] .channel-logo-placeholder'), 'no logo: the placeholder');
	assert.ok((await provider.stats()).logo_requests >= 1, 'restream fetched the logo from the provider');
	assert.deepEqual(foreignRequests(), []);

	await page.type('#search', 'fran', { delay: 60 });
	await waitFor('the search result', async () =>
		(await page.$$eval('#channelList li[data-stream-id]', (rows) => rows.map((row) => row.dataset.streamId).join())) === String(FIRST_CHANNEL), 10000);
	assert.equal(await textOf(page, `#channelList li[data-stream-id="${FIRST_CHANNEL}"] .channel-name`), 'France 2 Été');

	const started = Date.now();
	await page.click(rowAction(FIRST_CHANNEL));
	await waitFor('the status panel to say live', async () => (await state()) === 'live', 25000);
	console.log(`# admin: Start click → live in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	assert.equal(await textOf(page, '#statusChannel'), 'France 2 Été');
	assert.equal(await textOf(page, '#topState'), 'Live');
	assert.equal(await page.getAttribute(`#channelList li[data-stream-id="${FIRST_CHANNEL}"] .btn-action`, 'data-action'), 'stop');

	// the share panel lists what the API answers (player_url, urls), under the name the browser used
	const shared = (format) => page.inputValue(`#shareList [data-format="${format}"] input`);
	assert.equal((await shared('player')).replace(/\/$/, ''), restream.playerUrl);
	assert.equal(await shared('hls'), restream.apiUrl + '/live.m3u8');
	const hls = await fetch(await shared('hls'));
	assert.equal(hls.status, 200, 'the shared HLS URL plays');

	// the media-centre card: the tuner as this browser reaches it, its playlist answering, and the channel
	// running on air
	const tuner = restream.url('tuner');
	const tunerRow = (format) => page.inputValue(`#tunerList [data-format="${format}"] input`);
	assert.equal(await tunerRow('hdhr'), tuner.replace('http://', ''));
	assert.equal(await tunerRow('m3u'), tuner + '/playlist.m3u');
	assert.equal(await tunerRow('xmltv'), tuner + '/epg.xml');
	const m3u = await fetch(await tunerRow('m3u'));
	assert.equal(m3u.status, 200);
	assert.match(await m3u.text(), /^#EXTM3U/);
	await waitFor('the channel on air among those running', async () =>
		(await textOf(page, `#tunersInUse li[data-stream-id="${FIRST_CHANNEL}"]`)).includes('on air'), 10000);

	await waitFor('the preview to play', async () => (await videoTime()) > 1.5, 20000);
	assert.equal(await page.evaluate(() => document.getElementById('preview').muted), true, 'the preview is muted');
	// the low-latency rendition through the admin: blocking playlist reloads, an init segment and parts
	await waitFor('the preview\'s parts', async () => previewAsked().some((url) => PART.test(url.pathname)), 10000);
	await waitFor('a blocking reload of /preview/live.ll.m3u8', async () => previewAsked().some((url) =>
		url.pathname === '/preview/live.ll.m3u8' && /^\d+$/.test(url.searchParams.get('_HLS_msn'))), 10000);
	const asked = previewAsked();
	assert.ok(asked.some((url) => /^\/preview\/hls\/program\/[0-9a-f]{10}-\d+\.mp4$/.test(url.pathname)), 'an init segment');
	assert.ok(!asked.some((url) => url.pathname === '/preview/live.m3u8' || url.pathname.endsWith('.ts')), 'not the TS playlist');
	assert.deepEqual(previewFailures, [], 'every preview request answered');
	const playedBefore = await videoTime();
	await new Promise((resolve) => setTimeout(resolve, 3000));
	const played = (await videoTime()) - playedBefore;
	assert.ok(played > 2, `the preview advances (${played.toFixed(2)} s in 3 s)`);
	await waitFor('the uptime and bit rate', async () => (await textOf(page, '#statBitrate')) !== '–', 15000);
	assert.match(await textOf(page, '#accountConnections'), /^\d+ \/ 2$/);
	await page.screenshot({ path: artifact('admin-dashboard-live-en.png'), fullPage: true });
});

test('the dashboard in French, and on a phone', async () => {
	await page.click('#languageSwitch');
	await waitFor('the French dashboard', async () => (await page.getAttribute('html', 'lang')) === 'fr', 10000);
	await waitFor('the live state in French', async () => (await textOf(page, '#stateBadge')) === 'En direct', 10000);
	await waitFor('the preview to play again', async () => (await videoTime()) > 1, 20000);
	await page.screenshot({ path: artifact('admin-dashboard-live-fr.png'), fullPage: true });

	await page.setViewportSize({ width: 390, height: 844 });
	assert.equal(await page.isVisible('#categorySelect'), true, 'categories become a select on a phone');
	assert.equal(await page.isVisible('#categoryList'), false);
	await page.screenshot({ path: artifact('admin-dashboard-phone-fr.png'), fullPage: true });
	await page.click('#languageSwitch');
	await waitFor('English again', async () => (await page.getAttribute('html', 'lang')) === 'en', 10000);
	await page.setViewportSize({ width: 1366, height: 900 });
});

test('the preview plays the TS playlist where the low-latency one answers 404 (an API without it)', async () => {
	const lowLatency = '**/preview/live.ll.m3u8*';
	await page.route(lowLatency, (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{"detail":"Not Found"}' }));
	try {
		await page.reload();
		const since = pageRequests.length; // the new page asks for the preview once its status says live
		await waitFor('live after the reload', async () => (await state()) === 'live', 10000);
		await waitFor('the preview to play from the TS playlist', async () => (await videoTime()) > 1.5, 20000);
		const asked = previewAsked(since).map((url) => url.pathname);
		assert.ok(asked.includes('/preview/live.ll.m3u8'), 'the low-latency playlist first');
		assert.ok(asked.includes('/preview/live.m3u8'), 'then the TS playlist');
		assert.ok(asked.some((path) => /^\/preview\/hls\/program\/[0-9a-f]{10}-\d+\.ts$/.test(path)), 'TS segments');
		assert.ok(!asked.some((path) => PART.test(path)), 'no part');
	} finally {
		await page.unroute(lowLatency);
	}
});

test('a provider that goes silent: the status says so in a sentence, and live comes back by itself', async () => {
	assert.equal(await state(), 'live');
	provider.freeze();
	try {
		await waitFor('the reconnecting state', async () => (await state()) === 'reconnecting', (READ_TIMEOUT_S + 10) * 1000);
		// the API's error_code says it; its English sentence stays in the tooltip
		await waitFor('the silence in a sentence', async () =>
			(await textOf(page, '#statusError')) === 'The provider sends no data, reconnecting…', 5000);
		assert.equal(await page.getAttribute('#statusError', 'data-code'), 'no_data');
		assert.match(await page.getAttribute('#statusError', 'title'), new RegExp(`${READ_TIMEOUT_S} s`));
		await page.screenshot({ path: artifact('admin-dashboard-reconnecting-en.png'), fullPage: true });
	} finally {
		provider.thaw();
	}
	await waitFor('live again', async () => (await state()) === 'live', 40000);
	assert.equal(await page.isVisible('#statusError'), false, 'the sentence goes once live again');
	assert.notEqual(await textOf(page, '#statReconnects'), '0');
});

test('switching channel is one click, favourites are kept on the server, and stop ends it', async () => {
	await page.fill('#search', 'news');
	await waitFor('News 24 in the list', async () => (await rowButton(SECOND_CHANNEL)) !== null, 10000);
	assert.equal(await page.getAttribute(`#channelList li[data-stream-id="${SECOND_CHANNEL}"] .btn-action`, 'data-action'), 'switch');
	await page.click(rowAction(SECOND_CHANNEL));
	await waitFor('News 24 live', async () => (await textOf(page, '#statusChannel')) === 'News 24' && (await state()) === 'live', 25000);
	assert.equal((await restream.status()).stream_id, SECOND_CHANNEL);

	// a double click while the first request is on its way sends one request: the star is disabled meanwhile
	const star = `#channelList li[data-stream-id="${SECOND_CHANNEL}"] .star`;
	let favouritePosts = 0;
	await page.route('**/ui/favourites', async (route) => {
		if (route.request().method() === 'POST') {
			favouritePosts += 1;
			await new Promise((resolve) => setTimeout(resolve, 600));
		}
		await route.continue();
	});
	await page.click(star);
	assert.equal(await page.isDisabled(star), true, 'the star is disabled while its request is on its way');
	await page.click(star, { force: true }).catch(() => {});
	await waitFor('the star', async () => (await page.getAttribute(star, 'aria-pressed')) === 'true' && !(await page.isDisabled(star)), 15000);
	await page.unroute('**/ui/favourites');
	assert.equal(favouritePosts, 1, 'one request for a double click');
	await page.reload();
	await waitFor('the favourites', async () => (await page.$$('#categoryList button')).length >= 5, 10000);
	await page.click('#categoryList button[data-category="\u2605"]');
	await waitFor('News 24 among the favourites', async () =>
		(await page.$$eval('#channelList li[data-stream-id]', (rows) => rows.map((row) => row.dataset.streamId).join())) === String(SECOND_CHANNEL), 10000);

	await waitFor('live after the reload', async () => (await state()) === 'live', 10000);
	await page.click('#stopButton');
	await waitFor('idle', async () => (await state()) === 'idle', 10000);
	assert.equal((await restream.status()).active, false);
	assert.equal(await page.isVisible('#previewCard'), false);
	assert.deepEqual(cspViolations, []);
	assert.ok(pageRequests.length > 50, `the requests were recorded (${pageRequests.length})`);
	assert.deepEqual(foreignRequests(), [], 'no request of the dashboard left the admin\'s origin');
});

test('a POST without the CSRF token, or with a foreign Origin, is refused', async () => {
	const cookie = `restream_admin=${(await sessionCookie(context)).value}`;
	const token = await csrfToken();
	const json = { 'Content-Type': 'application/json' };
	const start = JSON.stringify({ stream_id: FIRST_CHANNEL });

	const noToken = await adminFetch(restream, '/ui/start', { method: 'POST', headers: json, body: start, cookie });
	assert.equal(noToken.status, 403);
	const wrongToken = await adminFetch(restream, '/ui/start', { method: 'POST', headers: { ...json, 'X-CSRF-Token': 'x'.repeat(43) }, body: start, cookie });
	assert.equal(wrongToken.status, 403);
	const foreign = await adminFetch(restream, '/ui/start', {
		method: 'POST', headers: { ...json, 'X-CSRF-Token': token, Origin: 'http://evil.example' }, body: start, cookie });
	assert.equal(foreign.status, 403);
	const foreignLogout = await adminFetch(restream, '/logout', {
		method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://evil.example' },
		body: 'csrf=' + token, cookie });
	assert.equal(foreignLogout.status, 403);
	const loginWithoutToken = await adminFetch(restream, '/login', {
		method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username: 'admin', password: restream.adminPassword() }).toString() });
	assert.equal(loginWithoutToken.status, 403);
	assert.doesNotMatch(loginWithoutToken.headers.get('set-cookie') || '', /restream_admin=/, 'no session without the token');
	assert.equal((await restream.status()).active, false, 'nothing was started');

	const stop = await adminFetch(restream, '/ui/stop', {
		method: 'POST', headers: { ...json, 'X-CSRF-Token': token, Origin: restream.adminUrl }, body: '{}', cookie });
	assert.equal(stop.status, 200, 'the same request with the token and our own Origin passes');
});

// The LAN rule of the admin port is the host's now (http.lanNetworks, http.trustedProxies): seen here end to end.
test('a forwarded client address outside the local network is refused', async () => {
	const outside = await adminFetch(restream, '/login', { headers: { 'X-Forwarded-For': '203.0.113.7' } });
	assert.equal(outside.status, 403);
	const tunnel = await adminFetch(restream, '/login', { headers: { 'CF-Connecting-IP': '198.51.100.9' } });
	assert.equal(tunnel.status, 403, 'a tunnel on the same box forwarding a public client');
	const lan = await adminFetch(restream, '/login', { headers: { 'X-Forwarded-For': '192.168.1.20' } });
	assert.equal(lan.status, 200);
});

test('signing out ends the session: the dashboard needs signing in again', async () => {
	const cookie = `restream_admin=${(await sessionCookie(context)).value}`;
	await page.click('#signOut');
	await waitFor('the sign-in page', async () => new URL(page.url()).pathname === '/login', 10000);
	assert.equal(await sessionCookie(context), undefined);
	await page.goto(restream.adminUrl + '/');
	assert.equal(new URL(page.url()).pathname, '/login');
	const stale = await adminFetch(restream, '/ui/status', { cookie });
	assert.equal(stale.status, 401, 'the old cookie is worth nothing');
	await context.close();
});

test('forwarded headers from an untrusted peer are refused; an expired API token ends the session with a message', async () => {
	const other = new Restream({
		defines: { 'http.trustedProxies': '192.0.2.1', 'plugins.auth-jwt.tokenLifetime': '6' },
	});
	await other.start();
	try {
		const forwarded = await adminFetch(other, '/login', { headers: { 'X-Forwarded-For': '192.168.1.20' } });
		assert.equal(forwarded.status, 403);
		const direct = await adminFetch(other, '/login');
		assert.equal(direct.status, 200);

		const frContext = await browser.newContext({ locale: 'fr-FR' });
		const frPage = await frContext.newPage();
		await frPage.goto(other.adminUrl + '/login');
		const response = await submitLogin(frPage, 'admin', other.adminPassword());
		assert.equal(response.status(), 303);
		assert.equal(new URL(frPage.url()).pathname, '/');
		await waitFor('the session to end with the token', async () => new URL(frPage.url()).pathname === '/login', 20000);
		assert.equal(await textOf(frPage, '#loginError'), 'Votre session a expiré, veuillez vous reconnecter.');
		await frContext.close();
	} finally {
		await other.stop();
	}
});
