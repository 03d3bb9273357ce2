// The public player (ui-player, port 8003) in a real headless Chromium, against the real restream
// and the fake provider: the idle message in both languages, start → playing within 15 s (the time
// to first frame is printed and saved), a channel switch followed without a reload, an upstream
// outage recovered by itself, a stop that brings the message back.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { FakeProvider, Restream, artifact, launchBrowser, sanitized, sleep, waitFor } from './support/harness.mjs';

const FIRST_CHANNEL = 101;  // SD H.264 + AAC
const SECOND_CHANNEL = 103; // 720p H.264 + AAC

let provider;
let restream;
let browser;
let page;
const cspViolations = [];
const segmentRequests = [];

async function videoTime() {
	return page.evaluate(() => document.getElementById('video').currentTime);
}

async function channelName(streamId) {
	const channels = await restream.api('GET', '/channels?limit=1000');
	const found = (channels.channels || channels).find((channel) => channel.stream_id === streamId);
	assert.ok(found, `channel ${streamId} is in the catalog`);
	return found.name;
}

async function waitForProgress(what, seconds, timeoutMs) {
	const from = await videoTime();
	await waitFor(`${what}: the video to advance ${seconds} s past ${from.toFixed(1)}`,
		async () => (await videoTime()) >= from + seconds, timeoutMs);
}

before(async () => {
	provider = new FakeProvider();
	await provider.start();
	restream = new Restream({ provider });
	await restream.start();
	browser = await launchBrowser();
});

after(async () => {
	if (browser) await browser.close();
	if (restream) await restream.stop();
	if (provider) await provider.stop();
});

test('with nothing live, the page says so, in French or English from Accept-Language', async () => {
	for (const [locale, text] of [['fr-FR', 'Aucun stream actif'], ['en-US', 'No active stream']]) {
		const context = await browser.newContext({ locale, viewport: { width: 1280, height: 720 } });
		const idlePage = await context.newPage();
		const response = await idlePage.goto(restream.playerUrl + '/');
		assert.equal(response.status(), 200);
		await waitFor(`"${text}"`, async () => (await idlePage.textContent('#message')) === text, 10000);
		assert.equal(await idlePage.isVisible('#message'), true);
		await idlePage.screenshot({ path: artifact(`player-idle-${locale.slice(0, 2)}.png`) });
		await context.close();
	}
});

test('the page allows scripts only from itself and connections only to itself and the API', async () => {
	const response = await fetch(restream.playerUrl + '/', { headers: { 'Accept-Language': 'en' } });
	const csp = response.headers.get('content-security-policy');
	// the API's URL comes from http.api.port alone (the harness sets no plugins.ui-player.* key)
	assert.match(csp, /script-src 'self';/);
	assert.match(csp, new RegExp(`connect-src 'self' ${restream.apiUrl.replace(/\./g, '\\.')};`));
	assert.match(csp, /media-src 'self' blob: /);
	assert.match(csp, /worker-src 'self' blob:/);
	assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
	assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
	const html = await response.text();
	assert.match(html, new RegExp(`<meta name="restream-api" content="${restream.apiUrl.replace(/\./g, '\\.')}">`));
	assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
	assert.doesNotMatch(html, /https?:\/\/(?!127\.0\.0\.1)/, 'nothing from a CDN');
	const traversal = await fetch(restream.playerUrl + '/assets/../../etc/passwd');
	assert.equal(traversal.status, 404);
	const post = await fetch(restream.playerUrl + '/', { method: 'POST' });
	assert.equal(post.status, 405);
});

test('a stream started through the API plays within 15 s, with no page reload', async () => {
	const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 720 } });
	page = await context.newPage();
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
	});
	page.on('request', (request) => {
		if (request.url().includes('/hls/')) segmentRequests.push(request.url());
	});
	await page.goto(restream.playerUrl + '/');
	await waitFor('the idle message', async () => (await page.textContent('#message')) === 'No active stream', 10000);
	await page.evaluate(() => { window.sameDocument = true; });

	const requested = Date.now();
	await restream.api('POST', '/start_stream', { stream_id: FIRST_CHANNEL });
	const firstFrame = await waitFor('the first frame', async () => ((await videoTime()) > 0 ? Date.now() : 0), 15000, 50);
	const seconds = (firstFrame - requested) / 1000;
	console.log(`# player: start request → first frame in ${seconds.toFixed(2)} s${sanitized ? ' (ASan build)' : ''}`);
	fs.writeFileSync(artifact(`player-first-frame${sanitized ? '-asan' : ''}.json`),
		JSON.stringify({ secondsFromStartRequestToFirstFrame: seconds }, null, 2) + '\n');

	await waitFor('3 s of playback within 15 s of the start request', async () => (await videoTime()) >= 3,
		Math.max(1000, 15000 - (Date.now() - requested)), 100);
	assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page was not reloaded');
	assert.equal(await page.isVisible('#message'), false);
	assert.equal(await page.textContent('#channel'), await channelName(FIRST_CHANNEL));
	assert.equal(await page.isVisible('#unmute'), true, 'muted autoplay offers to unmute');
	await page.screenshot({ path: artifact('player-playing.png') });

	await page.click('#unmute');
	assert.equal(await page.evaluate(() => document.getElementById('video').muted), false);
	assert.equal(await page.isVisible('#unmute'), false);
	assert.deepEqual(cspViolations, []);
});

test('a channel switch is followed without a reload', async () => {
	const name = await channelName(SECOND_CHANNEL);
	await restream.api('POST', '/start_stream', { stream_id: SECOND_CHANNEL });
	await waitFor(`the title "${name}"`, async () => (await page.textContent('#channel')) === name, 20000);
	// /live.ll.m3u8, which the player plays with hls.js, carries on through the switch: the new
	// channel's run begins after its EXT-X-DISCONTINUITY with an init segment of its own
	// (EXT-X-MAP), and the same player instance fetches it
	let initOfSwitch = null;
	await waitFor(`the init segment of channel ${SECOND_CHANNEL} in /live.ll.m3u8`, async () => {
		const lines = (await (await fetch(restream.apiUrl + '/live.ll.m3u8')).text()).split('\n');
		const tag = lines.lastIndexOf('#EXT-X-DISCONTINUITY');
		const map = tag < 0 ? null : lines.slice(tag).find((line) => line.startsWith('#EXT-X-MAP:'));
		initOfSwitch = map ? /URI="([^"]+)"/.exec(map)[1] : null;
		return initOfSwitch;
	}, 20000);
	const segment = initOfSwitch.split('/').pop();
	await waitFor(`the player to fetch ${segment}`, async () => segmentRequests.some((url) => url.endsWith('/' + segment)), 20000);
	await waitForProgress('after the switch', 2, 20000);
	assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page was not reloaded');
});

test('where the browser refuses autoplay, a tap starts playback', async () => {
	const context = await browser.newContext({ locale: 'en-US', viewport: { width: 800, height: 450 } });
	// As iOS in Low Power Mode or a "block all autoplay" setting: play() is refused until a gesture.
	await context.addInitScript(() => {
		const play = HTMLMediaElement.prototype.play;
		let gesture = false;
		document.addEventListener('click', () => { gesture = true; }, true);
		HTMLMediaElement.prototype.play = function () {
			return gesture ? play.call(this) : Promise.reject(new DOMException('autoplay refused', 'NotAllowedError'));
		};
	});
	const blockedPage = await context.newPage();
	await blockedPage.goto(restream.playerUrl + '/');
	await waitFor('the play button', async () => blockedPage.isVisible('#tap'), 15000);
	const time = () => blockedPage.evaluate(() => document.getElementById('video').currentTime);
	// hls.js may seek the paused video to the live edge, so currentTime proves nothing: nothing has played.
	await sleep(2000);
	const played = () => blockedPage.evaluate(() => {
		const video = document.getElementById('video');
		return { paused: video.paused, ranges: video.played.length };
	});
	assert.deepEqual(await played(), { paused: true, ranges: 0 });
	assert.equal(await blockedPage.isVisible('#tap'), true);
	assert.equal(await blockedPage.isVisible('#notice'), false, 'no "reconnecting" while waiting for the tap');
	const tapped = await time();
	await blockedPage.click('#tap');
	await waitFor('2 s of playback after the tap', async () => (await time()) >= tapped + 2, 15000);
	assert.equal(await blockedPage.isVisible('#tap'), false);
	await context.close();
});

test('playback resumes by itself after the provider drops for a few seconds', async () => {
	const before = await videoTime();
	await provider.stop();
	await sleep(4000);
	await provider.start();
	const back = Date.now();
	await waitFor('playback past the outage', async () => (await videoTime()) >= before + 8, 60000, 250);
	console.log(`# player: playing again ${((Date.now() - back) / 1000).toFixed(1)} s after the provider came back`);
	await waitForProgress('after the outage', 2, 20000);
	assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page was not reloaded');
});

test('when the stream stops, the message comes back', async () => {
	await restream.api('POST', '/stop_stream');
	await waitFor('"No active stream"', async () =>
		(await page.isVisible('#message')) && (await page.textContent('#message')) === 'No active stream', 10000);
	assert.equal(await page.isVisible('#bar'), false);
	assert.deepEqual(cspViolations, []);
});
