// /live.m3u8 as real players nobody here wrote see it (issue 12): ffmpeg, mpv, GStreamer, VLC, and
// hls.js, video.js (VHS) and Shaka in Debian's Chromium play the program of ONE real restream (the
// fake provider behind it) at the same time, while the admin switches channel 101 (640x360) to 103
// (1280x720), the provider drops the connection, comes back three times just as restream's slate begins,
// then stalls for 10 s (restream's slate fills the gap),
// restream restarts (same ports, same state) and the
// admin stops. A playlist monitor checks RFC 8216 §6.2.1 all along (support/playlist-monitor.mjs).
//
// Required: every client plays 101; the same instance shows 1280x720 without freezing for more than
// 10 s on the way (it plays 101 from its buffer meanwhile) and keeps playing; after the stop,
// every client ends by itself within 10 s of the last frame it played; every client but Shaka that
// played before a provider fault (the drop, the returns as the slate begins, the 10 s stall) plays on
// through it without a fatal error (issue 15); the monitor finds no violation.
// Both are counted from the client's frames rather than from the admin's click because players
// play behind the live edge by design (VLC's adaptive-livedelay is 15 s, more than the 12 s window:
// it shows the switch 10-12 s after it even from a server that follows RFC 8216); 30 s after the click
// is the outer bound. Printed as well: the time from the click, each client's longest freeze, and what
// each does through the restart (not required). A client that died, froze or
// reported a fatal error (hls.js FATAL, Shaka CRITICAL: a user would reload) is relaunched before the
// next phase, so that each phase is seen by a healthy playing client. About 3 to 4
// minutes; every process is stopped by its PID.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FakeProvider, Restream, artifact, freePort, launchBrowser, waitFor } from '../browser/support/harness.mjs';
import { BrowserClient, FfmpegClient, GstreamerClient, MpvClient, VlcClient, sleep } from './support/clients.mjs';
import { PlaylistMonitor, formatViolations } from './support/playlist-monitor.mjs';

const FIRST = { id: 101, width: 640, height: 360 };
const SECOND = { id: 103, width: 1280, height: 720 };
const LIMIT_S = 10; // at most from a client's last frame to the new channel, or to its end after the stop
const OUTER_LIMIT_S = 30; // at most from the admin's click to either
const SAMPLE_MS = 250;

const seconds = (ms) => (ms / 1000).toFixed(1);

// What one instance of a client did between two times, from its sampled history.
function samples(client, instance, from, to = Infinity) {
	return client.history.filter((sample) => sample.instance === instance && sample.t >= from && sample.t <= to);
}

function progressBetween(client, instance, from, to = Infinity) {
	const window = samples(client, instance, from, to);
	return window.length < 2 ? 0 : window[window.length - 1].progress - window[0].progress;
}

// The longest time without progress from `from` to `to` or the instance's last sample before it.
function longestFreeze(client, instance, from, to) {
	const window = samples(client, instance, from, to);
	if (window.length === 0) return 0;
	let longest = 0;
	let lastAdvance = from;
	let lastProgress = window[0].progress;
	for (const sample of window) {
		if (sample.progress > lastProgress) {
			longest = Math.max(longest, sample.t - lastAdvance);
			lastAdvance = sample.t;
			lastProgress = sample.progress;
		}
	}
	return Math.max(longest, window[window.length - 1].t - lastAdvance);
}

function lastAdvance(client, instance, to = Infinity) {
	const window = samples(client, instance, 0, to);
	for (let index = window.length - 1; index > 0; --index)
		if (window[index].progress > window[index - 1].progress) return window[index].t;
	return null;
}

function isPlaying(client, withinMs = 5000) {
	const advanced = lastAdvance(client, client.instance);
	return client.alive && advanced !== null && Date.now() - advanced < withinMs;
}

// The instance's end if it came between from and to.
function endedBetween(client, instance, from, to = Infinity) {
	const ended = client.endings.get(instance);
	return ended && ended.time >= from && ended.time <= to ? ended : null;
}

// The end as a table cell: "exit 0 after 1.6 s", "frozen since +0.4 s" for a stuck instance the test ended.
function describeEnd(client, instance, ended, from) {
	if (ended.how !== 'stopped by the test') return `${ended.how} after ${seconds(ended.time - from)} s`;
	const advanced = lastAdvance(client, instance, ended.time);
	return `frozen from +${seconds(Math.max(0, (advanced ?? from) - from))} s`;
}

// What the instance playing at `from` did until `to`.
function survival(client, instance, from, to) {
	if (instance === null) return 'n/a (not playing)';
	const ended = endedBetween(client, instance, from, to);
	if (ended) return `no: ${describeEnd(client, instance, ended, from)}`;
	if (progressBetween(client, instance, to - 5000, to) >= 2) return `yes, longest freeze ${seconds(longestFreeze(client, instance, from, to))} s`;
	return `no: frozen from +${seconds(Math.max(0, (lastAdvance(client, instance, to) ?? from) - from))} s`;
}

function table(rows) {
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
	return rows.map((row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ').trimEnd()).join('\n');
}

test('seven real players follow /live.m3u8 through a switch, a provider drop and stall, a restart and a stop', { timeout: 380000 }, async () => {
	const artifacts = artifact('players');
	fs.mkdirSync(artifacts, { recursive: true });
	const origin = Date.now();
	const at = (time) => `+${seconds(time - origin)} s`;
	const log = (message) => console.log(`[${at(Date.now())}] ${message}`);
	const provider = new FakeProvider();
	const restream = new Restream({ provider });
	let browser = null;
	let monitor = null;
	let sampling = null;
	let running = true;
	const clients = [];
	try {
		await provider.start();
		await restream.start();
		const api = restream.apiUrl;
		const live = api + '/live.m3u8';
		const waitLive = (id, ms) => waitFor(`channel ${id} live in /stream_status`, async () => {
			const status = await restream.status();
			return status.state === 'live' && status.stream_id === id;
		}, ms, 250);

		monitor = new PlaylistMonitor([{ url: live, program: true }, { url: `${api}/live/${FIRST.id}.m3u8` }, { url: `${api}/live/${SECOND.id}.m3u8` }], { origin });
		monitor.start();
		log(`restream on ${api}, fake provider on ${provider.url}`);
		await restream.api('POST', '/start_stream', { stream_id: FIRST.id });
		monitor.started();
		await waitLive(FIRST.id, 30000);
		log(`channel ${FIRST.id} live`);

		browser = await launchBrowser();
		const nodeModules = process.env.RESTREAM_NODE_MODULES;
		clients.push(new FfmpegClient(artifacts), new MpvClient(artifacts), new GstreamerClient(artifacts),
			new VlcClient(artifacts, { httpPort: await freePort() }),
			...['hlsjs', 'videojs', 'shaka'].map((kind) => new BrowserClient(kind, artifacts, { browser, origin: api, nodeModules })));
		sampling = (async () => {
			while (running) {
				const began = Date.now();
				await Promise.all(clients.map((client) => client.sample().catch(() => {})));
				await sleep(Math.max(0, SAMPLE_MS - (Date.now() - began)));
			}
		})();

		// Relaunches every client that is dead, has not advanced for 5 s or reported a fatal error; waits
		// (25 s at most) until the relaunched ones play. Returns the instance playing now per client (null:
		// not playing).
		const fatalError = (client) => client.events.find((event) => event.instance === client.instance && /\b(FATAL|CRITICAL)\b/.test(event.what));
		const ensurePlaying = async (phase) => {
			const relaunched = clients.filter((client) => !isPlaying(client) || fatalError(client));
			for (const client of relaunched) {
				const why = client.ended ? client.ended.how : fatalError(client) ? fatalError(client).what : 'not advancing';
				log(`${client.name}: relaunched before ${phase} (${why})`);
			}
			await Promise.all(relaunched.map((client) => client.relaunch(live)));
			const began = Date.now();
			while (Date.now() - began < 25000 && relaunched.some((client) => progressBetween(client, client.instance, began) < 1)) await sleep(SAMPLE_MS);
			return new Map(clients.map((client) => [client, isPlaying(client) ? client.instance : null]));
		};

		// 1. Every client starts on /live.m3u8 and plays channel 101.
		await Promise.all(clients.map((client) => client.relaunch(live)));
		const launched = Date.now();
		const playingFirst = () => clients.every((client) => client.state.width === FIRST.width && progressBetween(client, 1, launched) >= 3);
		while (Date.now() - launched < 40000 && !playingFirst()) await sleep(SAMPLE_MS);
		log(`playing: ${clients.map((client) => `${client.name} ${client.state.width}x${client.state.height} ${client.state.progress.toFixed(1)} s`).join(', ')}`);

		// 2. The switch: each instance that played shows the new channel without being restarted.
		const switchedAt = Date.now();
		const playedBefore = new Map(clients.map((client) => [client,
			client.alive && client.state.width === FIRST.width && client.state.height === FIRST.height ? progressBetween(client, 1, launched, switchedAt) : 0]));
		await restream.api('POST', '/start_stream', { stream_id: SECOND.id });
		log(`switched to ${SECOND.id}`);
		const newPicture = (client) => samples(client, 1, switchedAt).find((sample) => sample.width === SECOND.width && sample.height === SECOND.height);
		// decided: showed the new channel and played on, or gone, or frozen past the limit
		const stuck = (client, since) => Date.now() - Math.max(since, lastAdvance(client, client.instance) ?? since) > LIMIT_S * 1000;
		const settled = () => clients.every((client) => !client.alive || client.instance !== 1 || stuck(client, switchedAt)
			|| (newPicture(client) && progressBetween(client, 1, newPicture(client).t) >= 4));
		while (Date.now() - switchedAt < OUTER_LIMIT_S * 1000 && !settled()) await sleep(SAMPLE_MS);
		await sleep(2000);
		const switchEnd = Date.now();

		// 3. The provider drops the connection of channel 103 once; restream reconnects.
		const beforeDrop = await ensurePlaying('the provider drop');
		const droppedAt = Date.now();
		const total = async () => (await provider.stats()).channels?.[SECOND.id]?.total ?? 0;
		const connections = await total();
		await provider.control(`channel=${SECOND.id}&drop_after=1`);
		await waitFor('restream to reconnect to the provider', async () => (await total()) > connections, 15000, 100).catch((error) => log(error.message));
		await provider.control(`channel=${SECOND.id}&drop_after=0`);
		log(`provider dropped channel ${SECOND.id}; restream reconnected after ${seconds(Date.now() - droppedAt)} s`);
		await sleep(12000);
		const dropEnd = Date.now();

		// 3a. The provider comes back just as restream's slate begins (live.slateAfter is 2 s): three stalls
		// of 2.05 to 2.3 s. A slate cut after a picture or two killed hls.js and video.js
		// (PIPELINE_ERROR_DECODE); it now plays its whole loop first (LiveCoreTest pins the rule).
		const beforeReturn = await ensurePlaying('the provider returning as the slate begins');
		const returnAt = Date.now();
		for (const stallMs of [2050, 2150, 2300]) {
			await provider.control(`channel=${SECOND.id}&stall=1`);
			await sleep(stallMs);
			await provider.control(`channel=${SECOND.id}&stall=0`);
			await sleep(8000);
		}
		log(`provider stalled channel ${SECOND.id} three times for 2.05-2.3 s`);
		await sleep(4000);
		const returnEnd = Date.now();

		// 3b. The provider stalls for 10 s (no data, connections open): restream's slate (a still picture
		// with silence from live.slateAfter on) keeps every playlist growing; the provider comes back.
		const beforeStall = await ensurePlaying('the provider stall');
		const stalledAt = Date.now();
		await provider.control(`channel=${SECOND.id}&stall=1`);
		await sleep(10000);
		await provider.control(`channel=${SECOND.id}&stall=0`);
		log(`provider stalled channel ${SECOND.id} for 10 s`);
		await waitLive(SECOND.id, 20000).catch((error) => log(error.message));
		await sleep(10000);
		const stallEnd = Date.now();

		// 4. restream restarts: SIGTERM, then the same binary on the same ports with the same state.
		const beforeRestart = await ensurePlaying('the restart');
		const restartedAt = Date.now();
		const firstRunLog = restream.output;
		const downMs = await restream.restart();
		log(`restream restarted (${seconds(downMs)} s from SIGTERM to /health)`);
		await waitLive(SECOND.id, 30000).catch((error) => log(error.message));
		const backAt = Date.now();
		const resumed = () => clients.every((client) => !client.alive || client.instance !== beforeRestart.get(client) || progressBetween(client, client.instance, backAt) >= 3);
		while (Date.now() - backAt < 25000 && !resumed()) await sleep(SAMPLE_MS);
		await sleep(2000);
		const restartEnd = Date.now();

		// 5. The stop: every client ends by itself.
		const beforeStop = await ensurePlaying('the stop');
		const stoppedAt = Date.now();
		await restream.api('POST', '/stop_stream', {});
		monitor.stopped(stoppedAt);
		log('stopped');
		while (Date.now() - stoppedAt < OUTER_LIMIT_S * 1000 && clients.some((client) => client.alive && !stuck(client, stoppedAt))) await sleep(SAMPLE_MS);
		const observedStop = Date.now() - stoppedAt;
		await sleep(1500);
		running = false;
		await sampling;
		await monitor.close();

		// The table and the verdict.
		const failures = [];
		const rows = [['client', 'played before switch', 'new channel after', 'longest freeze', 'provider drop', 'back as the slate begins', 'provider stall 10 s', 'restart', 'ended after stop']];
		for (const client of clients) {
			const played = playedBefore.get(client);
			const picture = played > 0 ? newPicture(client) : null;
			const endedAfterSwitch = endedBetween(client, 1, switchedAt);
			// the longest freeze from the click to the new picture (the old channel plays on from its buffer)
			const gap = picture ? longestFreeze(client, 1, switchedAt, picture.t) : null;
			let after;
			if (played < 2) after = 'n/a (did not play)';
			else if (picture) after = `${seconds(picture.t - switchedAt)} s (froze ${seconds(gap)} s at most)`;
			else if (endedAfterSwitch) after = `never: ${describeEnd(client, 1, endedAfterSwitch, switchedAt)}`;
			else after = 'never';
			const playsAfter = picture ? progressBetween(client, 1, picture.t, switchEnd) : 0;
			const freezeEnd = endedAfterSwitch && endedAfterSwitch.how !== 'stopped by the test' ? endedAfterSwitch.time : switchEnd;
			const freeze = played > 0 ? `${seconds(longestFreeze(client, 1, switchedAt, freezeEnd))} s${freezeEnd < switchEnd ? ', then ended' : ''}` : 'n/a';
			const stopInstance = beforeStop.get(client);
			const end = stopInstance !== null ? endedBetween(client, stopInstance, stoppedAt) : null;
			let ended;
			const endGap = end ? end.time - Math.max(stoppedAt, lastAdvance(client, stopInstance, end.time) ?? stoppedAt) : null;
			if (stopInstance === null) ended = 'n/a (not playing)';
			else if (end && end.how !== 'stopped by the test') ended = `${seconds(end.time - stoppedAt)} s (${seconds(endGap)} s after its last frame): ${end.how}`;
			else {
				const last = client.events.filter((event) => event.instance === stopInstance && event.t >= stoppedAt).pop();
				ended = `no: ${progressBetween(client, stopInstance, stoppedAt + observedStop - 3000) > 0 ? 'playing' : 'running'} after ${seconds(observedStop)} s${last ? ` (last: ${last.what})` : ''}`;
			}
			rows.push([client.name, played >= 2 ? `yes, ${played.toFixed(1)} s` : 'no', after, freeze,
				survival(client, beforeDrop.get(client), droppedAt, dropEnd), survival(client, beforeReturn.get(client), returnAt, returnEnd),
				survival(client, beforeStall.get(client), stalledAt, stallEnd),
				survival(client, beforeRestart.get(client), restartedAt, restartEnd), ended]);
			if (played < 2) failures.push(`${client.name} did not play channel ${FIRST.id} (${FIRST.width}x${FIRST.height})`);
			else if (!picture || gap > LIMIT_S * 1000 || picture.t - switchedAt > OUTER_LIMIT_S * 1000)
				failures.push(`${client.name} did not show ${SECOND.width}x${SECOND.height} without freezing more than ${LIMIT_S} s (${after})`);
			else if (playsAfter < 3) failures.push(`${client.name} showed the new channel but did not keep playing (${playsAfter.toFixed(1)} s played after it)`);
			if (stopInstance !== null && (!end || end.how === 'stopped by the test' || endGap > LIMIT_S * 1000 || end.time - stoppedAt > OUTER_LIMIT_S * 1000))
				failures.push(`${client.name} did not end within ${LIMIT_S} s of its last frame after the stop (${ended})`);
			if (stopInstance === null) failures.push(`${client.name} was not playing at the stop`);
			// issue 15: a provider's fault never kills a player. Shaka is printed, not required: it reports
			// errors at each edge of the slate (a discontinuity) and, after two or three slates in a row,
			// can stay frozen until reloaded, whatever the slate's length (README, "the slate").
			if (client.name !== 'shaka') for (const [phase, instance, from, to] of [['the provider drop', beforeDrop.get(client), droppedAt, dropEnd],
				['the provider returning as the slate begins', beforeReturn.get(client), returnAt, returnEnd],
				['the provider stall', beforeStall.get(client), stalledAt, stallEnd]]) {
				const fatal = client.events.find((event) => event.instance === instance && event.t >= from && event.t <= to && /\b(FATAL|CRITICAL)\b/.test(event.what));
				const outcome = survival(client, instance, from, to);
				if (instance !== null && (fatal || !outcome.startsWith('yes')))
					failures.push(`${client.name} did not play through ${phase} (${fatal ? fatal.what : outcome})`);
			}
		}
		const violations = monitor.violations();
		const playlists = monitor.feeds.map(({ checker: { name, stats } }) => `${name}: ${stats.playlists} playlists, media sequence ${stats.firstMsn}→${stats.lastMsn}, `
			+ `${stats.discontinuities} discontinuities, error answers ${JSON.stringify(stats.errors)}, unanswered ${stats.unreachable}, `
			+ `largest PDT error ${Math.round(stats.maxPdtErrorMs)} ms${stats.endListAt ? `, ENDLIST ${seconds(stats.endListAt - stoppedAt)} s after the stop` : ''}`);
		const report = [
			`switch ${at(switchedAt)}, provider drop ${at(droppedAt)}, provider stall ${at(stalledAt)}, restart ${at(restartedAt)} (down ${seconds(downMs)} s), stop ${at(stoppedAt)}`,
			table(rows),
			...playlists,
			violations.length ? 'playlist monitor violations:\n' + formatViolations(violations) : 'playlist monitor: no violation',
			'what each client said (time, #instance):',
			...clients.map((client) => `  ${client.name}: ${client.events.filter((event) => event.what !== 'launched').map((event) => `${at(event.t)} #${event.instance} ${event.what}`).join('; ')}`),
		].join('\n');
		console.log(report);
		fs.writeFileSync(path.join(artifacts, 'report.txt'), report + '\n');
		fs.writeFileSync(path.join(artifacts, 'restream-1.log'), firstRunLog);
		fs.writeFileSync(path.join(artifacts, 'restream-2.log'), restream.output);
		for (const violation of violations) failures.push(`playlist monitor: ${violation.playlist} ${violation.rule} ×${violation.count}`);
		assert.deepEqual(failures, [], 'every client plays through the switch and ends after the stop; the playlists keep RFC 8216 §6.2.1');
	} finally {
		running = false;
		if (sampling) await sampling;
		for (const client of clients) await client.close().catch(() => {});
		if (monitor) await monitor.close();
		if (browser) await browser.close();
		await restream.stop();
		await provider.stop();
	}
});
