// Latency of the web player's two renditions, measured, not asserted: in a real headless Chromium
// against the real restream and the fake provider with a 1 s GOP, hls.js with the public player's
// settings (plugins/ui-player/web/hlsConfig.js) plays the low-latency /live.ll.m3u8, then the TS
// /live.m3u8 as the player plays it where the API serves no low-latency playlist (TS_CONFIG: 2
// segments behind the edge, back to it past 5), each from a cold start of the channel, for SAMPLE_SECONDS. For each it prints and
// records (test-artifacts/latency.json): the median and p95 of now − EXT-X-PROGRAM-DATE-TIME at the
// play head (hls.playingDate: how far behind the moment restream received the media), start
// request → first frame, and the stalls after the first frame (when each began and how long it lasted).
// It asserts only that both play.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeProvider, Restream, artifact, launchBrowser, required, sanitized, sleep, waitFor } from './support/harness.mjs';

const CHANNEL = 101;         // SD H.264 + AAC
const GOP_FRAMES = 25;       // a keyframe every second
const SAMPLE_SECONDS = 55;   // per rendition: the whole test stays under ~3 min
const here = path.dirname(fileURLToPath(import.meta.url));
const HLS_CONFIG_SOURCE = fs.readFileSync(path.join(here, '../../plugins/ui-player/web/hlsConfig.js'), 'utf8');

let provider;
let restream;
let browser;
let page;

before(async () => {
	provider = new FakeProvider();
	await provider.start();
	await provider.control(`gop_frames=${GOP_FRAMES}`);
	restream = new Restream({ provider });
	await restream.start();
	browser = await launchBrowser();
	const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
	page = await context.newPage();
	await page.goto(restream.apiUrl + '/health');
	await page.addScriptTag({ path: path.join(required('RESTREAM_NODE_MODULES'), 'hls.js/dist/hls.min.js') });
	await page.evaluate(async (source) => {
		window.HLS_CONFIGS = await import('data:text/javascript,' + encodeURIComponent(source));
	}, HLS_CONFIG_SOURCE);
});

after(async () => {
	if (browser) await browser.close();
	if (restream) await restream.stop();
	if (provider) await provider.stop();
});

function percentile(values, fraction) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

// Starts the channel cold, plays playlist in hls.js from the start request on, samples the latency.
async function measure(playlist, config) {
	if ((await restream.status()).state !== 'idle') {
		await restream.api('POST', '/stop_stream');
		await waitFor('the stream to stop', async () => (await restream.status()).state === 'idle', 20000);
		await sleep(6000);  // the provider's encoder lingers 5 s after its last client: a cold start again
	}
	const requested = Date.now();
	await restream.api('POST', '/start_stream', { stream_id: CHANNEL });
	await page.evaluate(({ url, config }) => {
		const video = document.createElement('video');
		video.muted = true;
		document.body.replaceChildren(video);
		const hls = new Hls(window.HLS_CONFIGS[config]);
		window.measured = { firstFrameAt: 0, stalls: 0, stallList: [], latencies: [], rates: [], errors: [] };
		const firstFrame = () => { if (!window.measured.firstFrameAt) window.measured.firstFrameAt = Date.now(); };
		video.requestVideoFrameCallback(firstFrame);
		// each stall: when it began (s after the first frame) and how long the picture stood still
		video.addEventListener('waiting', () => {
			if (!window.measured.firstFrameAt) return;
			window.measured.stalls++;
			window.measured.stallList.push({ at: (Date.now() - window.measured.firstFrameAt) / 1000, seconds: null });
		});
		video.addEventListener('playing', () => {
			const stall = window.measured.stallList[window.measured.stallList.length - 1];
			if (stall && stall.seconds === null) stall.seconds = (Date.now() - window.measured.firstFrameAt) / 1000 - stall.at;
		});
		window.sampler = setInterval(() => {
			if (!window.measured.firstFrameAt || !hls.playingDate) return;
			window.measured.latencies.push((Date.now() - hls.playingDate.getTime()) / 1000);
			window.measured.rates.push(video.playbackRate);
		}, 250);
		hls.on(Hls.Events.ERROR, (event, data) => window.measured.errors.push(`${data.type} ${data.details}${data.fatal ? ' fatal' : ''}`));
		hls.loadSource(url);
		hls.attachMedia(video);
		video.play().catch(() => {});
		window.hls = hls;
	}, { url: restream.apiUrl + playlist, config });
	await waitFor(`the first frame of ${playlist}`, async () => page.evaluate(() => window.measured.firstFrameAt > 0), 20000, 50);
	await sleep(SAMPLE_SECONDS * 1000);
	const measured = await page.evaluate(() => {
		clearInterval(window.sampler);
		const currentTime = document.querySelector('video').currentTime;
		window.hls.destroy();
		return { ...window.measured, currentTime };
	});
	assert.ok(measured.currentTime > SAMPLE_SECONDS / 2, `${playlist} played (${measured.currentTime} s)`);
	assert.ok(measured.latencies.length > 0, `${playlist} had a play head date`);
	return {
		playlist,
		secondsFromStartRequestToFirstFrame: (measured.firstFrameAt - requested) / 1000,
		latencyMedianSeconds: percentile(measured.latencies, 0.5),
		latencyP95Seconds: percentile(measured.latencies, 0.95),
		samples: measured.latencies.length,
		stallsAfterFirstFrame: measured.stalls,
		stalls: measured.stallList,
		hlsErrors: measured.errors,
		fasterThanRealTimeShare: measured.rates.filter((rate) => rate > 1).length / Math.max(1, measured.rates.length),
		sampledSeconds: SAMPLE_SECONDS,
	};
}

test('the low-latency and the TS renditions both play in hls.js; their latencies are recorded', { timeout: 280000 }, async () => {
	const results = [];
	for (const [playlist, config] of [['/live.ll.m3u8', 'LOW_LATENCY_CONFIG'], ['/live.m3u8', 'TS_CONFIG']]) {
		const result = await measure(playlist, config);
		results.push(result);
		console.log(`# latency ${playlist}: behind ingest median ${result.latencyMedianSeconds.toFixed(2)} s, ` +
			`p95 ${result.latencyP95Seconds.toFixed(2)} s; start request → first frame ` +
			`${result.secondsFromStartRequestToFirstFrame.toFixed(2)} s; ${result.stallsAfterFirstFrame} stall(s) ` +
			`[${result.stalls.map((stall) => `at ${stall.at.toFixed(2)} s for ${stall.seconds === null ? '?' : stall.seconds.toFixed(2)} s`).join(', ')}] ` +
			`over ${SAMPLE_SECONDS} s; hls.js errors: ${result.hlsErrors.join(', ') || 'none'}${sanitized ? ' (ASan build)' : ''}`);
	}
	fs.writeFileSync(artifact(`latency${sanitized ? '-asan' : ''}.json`),
		JSON.stringify({ gopFrames: GOP_FRAMES, channel: CHANNEL, results }, null, 2) + '\n');
});
