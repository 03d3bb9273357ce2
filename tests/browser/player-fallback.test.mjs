// The public player (ui-player) where the API serves no low-latency playlist: restream with
// plugins.output-hls.lowLatency=false, the fake provider, a real headless Chromium. The player asks
// for /live.ll.m3u8 once, gets the 404 naming the setting, and plays /live.m3u8 (MPEG-TS segments,
// no fMP4) at once; it keeps to it through an upstream outage it recovers from by itself.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeProvider, Restream, launchBrowser, sleep, waitFor } from './support/harness.mjs';

const CHANNEL = 101; // SD H.264 + AAC

let provider;
let restream;
let browser;
let page;
const requests = []; // { path, status } of every request to the API

async function videoTime() {
	return page.evaluate(() => document.getElementById('video').currentTime);
}

async function waitForProgress(what, seconds, timeoutMs) {
	const from = await videoTime();
	await waitFor(`${what}: the video to advance ${seconds} s past ${from.toFixed(1)}`,
		async () => (await videoTime()) >= from + seconds, timeoutMs);
}

const asked = (pattern) => requests.filter((request) => pattern.test(request.path));

before(async () => {
	provider = new FakeProvider();
	await provider.start();
	restream = new Restream({ provider, defines: { 'plugins.output-hls.lowLatency': 'false' } });
	await restream.start();
	browser = await launchBrowser();
});

after(async () => {
	if (browser) await browser.close();
	if (restream) await restream.stop();
	if (provider) await provider.stop();
});

test('with lowLatency off, the player falls back to /live.m3u8 and plays it', async () => {
	const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 720 } });
	page = await context.newPage();
	page.on('response', (response) => {
		const url = new URL(response.url());
		if (url.origin === restream.apiUrl && url.pathname !== '/stream_status') {
			requests.push({ path: url.pathname + url.search, status: response.status() });
		}
	});
	await page.goto(restream.playerUrl + '/');
	await waitFor('the idle message', async () => (await page.textContent('#message')) === 'No active stream', 10000);

	await restream.api('POST', '/start_stream', { stream_id: CHANNEL });
	await waitFor('3 s of playback', async () => (await videoTime()) >= 3, 30000, 100);
	await waitForProgress('on the TS playlist', 3, 15000);
	assert.equal(await page.isVisible('#message'), false);

	const lowLatency = await fetch(restream.apiUrl + '/live.ll.m3u8');
	assert.equal(lowLatency.status, 404);
	assert.match(await lowLatency.text(), /low-latency HLS is off \(plugins\.output-hls\.lowLatency\)/);

	assert.deepEqual(asked(/^\/live\.ll\.m3u8/), [{ path: '/live.ll.m3u8', status: 404 }], 'the LL playlist asked once');
	const playlists = asked(/^\/live\.m3u8/);
	assert.ok(playlists.length >= 2, `/live.m3u8 polled: ${JSON.stringify(requests)}`);
	assert.ok(playlists.every((request) => request.status === 200 && request.path === '/live.m3u8'),
		`plain polls, no blocking-reload directives: ${JSON.stringify(playlists)}`);
	const segments = asked(/^\/hls\//);
	assert.ok(segments.length >= 2 && segments.every((request) => /\.ts$/.test(request.path) && request.status === 200),
		`MPEG-TS segments only: ${JSON.stringify(segments)}`);
});

test('on the TS playlist, playback resumes by itself after the provider drops for a few seconds', async () => {
	const before = await videoTime();
	await provider.stop();
	await sleep(4000);
	await provider.start();
	await waitFor('playback past the outage', async () => (await videoTime()) >= before + 8, 60000, 250);
	await waitForProgress('after the outage', 2, 20000);
	assert.equal(asked(/^\/live\.ll\.m3u8/).length, 1, 'no new try of the LL playlist while the stream runs');
	assert.ok(!requests.some((request) => /\.m4s$|\.mp4$/.test(request.path)), 'no fMP4 requested');
});
