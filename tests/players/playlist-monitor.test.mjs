// The playlist monitor's own rules, fed crafted playlists: each rule is seen to hold on a well-behaved
// live playlist and to fire on the break it names; the poller is run against a scripted HTTP server.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlaylistChecker, PlaylistMonitor, parsePlaylist } from './support/playlist-monitor.mjs';

const T0 = Date.parse('2025-01-01T12:00:00.000Z');

// A media playlist: segments [{ msn, uri, duration, pdt (ms since epoch, or null), discontinuity }].
function render({ mediaSequence, discontinuitySequence = null, targetDuration = 2, segments, endList = false }) {
	const lines = ['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-TARGETDURATION:${targetDuration}`, `#EXT-X-MEDIA-SEQUENCE:${mediaSequence}`];
	if (discontinuitySequence !== null) lines.push(`#EXT-X-DISCONTINUITY-SEQUENCE:${discontinuitySequence}`);
	for (const segment of segments) {
		if (segment.discontinuity) lines.push('#EXT-X-DISCONTINUITY');
		if (segment.pdt !== null && segment.pdt !== undefined) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(segment.pdt).toISOString()}`);
		lines.push(`#EXTINF:${segment.duration.toFixed(3)},`, segment.uri);
	}
	if (endList) lines.push('#EXT-X-ENDLIST');
	return lines.join('\n') + '\n';
}

// A live channel of 2 s segments numbered from 0, "channel/<n>.ts", PDT from T0; discontinuities at the
// given numbers (the PDT jumps there by jumpMs).
function channel({ count, discontinuities = [], jumpMs = 5000, folder = 'a' }) {
	const segments = [];
	let pdt = T0;
	for (let msn = 0; msn < count; ++msn) {
		const discontinuity = discontinuities.includes(msn);
		if (discontinuity) pdt += jumpMs;
		segments.push({ msn, uri: `/hls/${folder}/${msn}.ts`, duration: 2, pdt, discontinuity });
		pdt += 2000;
	}
	return segments;
}

// The window [first, first + size) of a channel, its discontinuity sequence kept right (hls.js's reading).
function window(segments, first, size, extra = {}) {
	const shown = segments.slice(first, first + size);
	const tagsGone = segments.slice(0, first).filter((segment) => segment.discontinuity).length;
	return render({ mediaSequence: first, discontinuitySequence: tagsGone, segments: shown, ...extra });
}

function feed(checker, answers, step = 500) {
	let time = T0;
	for (const answer of answers) {
		time += step;
		if (answer === 'start') checker.started(time);
		else if (answer === 'stop') checker.stopped(time);
		else if (typeof answer === 'number') checker.observe({ time, status: answer });
		else if (answer === 'refused') checker.observe({ time, error: 'ECONNREFUSED' });
		else checker.observe({ time, status: 200, text: answer, url: 'http://127.0.0.1:1/live.m3u8' });
	}
	checker.finish(time + step);
	return checker.violations();
}

const rules = (violations) => violations.map((violation) => violation.rule).sort();

test('a well-behaved live playlist with a discontinuity, a stop and ENDLIST breaks no rule', () => {
	const segments = channel({ count: 20, discontinuities: [8] });
	const answers = ['start'];
	for (let first = 0; first + 6 <= 20; ++first) answers.push(window(segments, first, 6), window(segments, first, 6));
	answers.push('refused', 'refused', 'stop', window(segments, 14, 6), window(segments, 14, 6, { endList: true }));
	answers.push(window(segments, 14, 6, { endList: true }), window(segments, 15, 5, { endList: true }), 404, 404);
	const checker = new PlaylistChecker({ program: true, origin: T0 });
	assert.deepEqual(feed(checker, answers), []);
	assert.equal(checker.stats.discontinuities, 1);
	assert.equal(checker.stats.unreachable, 2);
	assert.equal(checker.stats.lastMsn, 19);
	assert.notEqual(checker.stats.endListAt, null);
});

test('parsing: sequence numbers, discontinuity numbers, derived PDT, relative URIs, a master', () => {
	const playlist = parsePlaylist(render({ mediaSequence: 7, discontinuitySequence: 2, segments: [
		{ uri: 'seg/7.ts', duration: 2, pdt: T0 },
		{ uri: 'seg/8.ts', duration: 1.5, pdt: null },
		{ uri: 'seg/9.ts', duration: 2, pdt: T0 + 9000, discontinuity: true },
	] }), 'http://127.0.0.1:9/live/1.m3u8');
	assert.deepEqual(playlist.segments.map((segment) => [segment.msn, segment.discontinuityNumber, segment.effectivePdt - T0]),
		[[7, 2, 0], [8, 2, 2000], [9, 3, 9000]]);
	assert.equal(playlist.segments[0].uri, 'http://127.0.0.1:9/live/seg/7.ts');
	const master = parsePlaylist('#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nmedia.m3u8\n', 'http://127.0.0.1:9/live.m3u8');
	assert.deepEqual(master, { master: true, variants: ['http://127.0.0.1:9/media.m3u8'] });
});

test('media-sequence: a switch that serves the new channel\'s own, lower numbers', () => {
	const before = channel({ count: 30 });
	const after = channel({ count: 3, folder: 'b' });
	const violations = feed(new PlaylistChecker(), [window(before, 0, 6), window(before, 24, 6), render({ mediaSequence: 0, segments: after })]);
	assert.ok(rules(violations).includes('media-sequence'), JSON.stringify(violations));
	assert.ok(rules(violations).includes('sequence-reused'));
});

test('sequence-reused: one number names two URIs, one URI two numbers', () => {
	const segments = channel({ count: 8 });
	const renamed = segments.map((segment) => (segment.msn === 5 ? { ...segment, uri: '/hls/other/5.ts' } : segment));
	assert.deepEqual(rules(feed(new PlaylistChecker(), [window(segments, 0, 6), window(renamed, 0, 6)])), ['sequence-reused']);
	const shifted = render({ mediaSequence: 3, segments: segments.slice(2, 8) }); // 2.ts now named 3
	assert.ok(rules(feed(new PlaylistChecker(), [window(segments, 2, 6), shifted])).includes('sequence-reused'));
});

test('removed-not-from-head: the tail shrinks', () => {
	const segments = channel({ count: 10 });
	assert.deepEqual(rules(feed(new PlaylistChecker(), [window(segments, 2, 6), window(segments, 3, 3)])), ['removed-not-from-head']);
});

test('discontinuity-sequence: a tagged segment leaves and the sequence stays, or the sequence goes down', () => {
	const segments = channel({ count: 12, discontinuities: [4] });
	const stale = render({ mediaSequence: 5, discontinuitySequence: 0, segments: segments.slice(5, 11) });
	assert.deepEqual(rules(feed(new PlaylistChecker(), [window(segments, 4, 6), stale])), ['discontinuity-sequence']);
	const lower = render({ mediaSequence: 6, discontinuitySequence: 0, segments: segments.slice(6, 12) });
	assert.deepEqual(rules(feed(new PlaylistChecker(), [window(segments, 5, 6), lower])), ['discontinuity-sequence']);
});

test('program-date-time: 0.8 s off between contiguous segments fires, 40 ms or across a discontinuity does not', () => {
	const segments = channel({ count: 6 });
	const late = segments.map((segment) => (segment.msn >= 3 ? { ...segment, pdt: segment.pdt + 800 } : segment));
	const violations = feed(new PlaylistChecker(), [window(late, 0, 6), window(late, 0, 6)]);
	assert.deepEqual(rules(violations), ['program-date-time']);
	assert.equal(violations[0].count, 1, 'a segment is reported once, however many answers repeat it');
	assert.match(violations[0].examples[0], /PDT\(3\) = PDT\(2\) \+ EXTINF\(2\) \+800 ms/);
	const jitter = segments.map((segment) => (segment.msn >= 3 ? { ...segment, pdt: segment.pdt + 40 } : segment));
	assert.deepEqual(feed(new PlaylistChecker(), [window(jitter, 0, 6)]), []);
	const tagged = channel({ count: 6, discontinuities: [3], jumpMs: 800 });
	assert.deepEqual(feed(new PlaylistChecker(), [window(tagged, 0, 6)]), []);
});

test('segment-changed: a segment\'s duration or date moves between answers', () => {
	const segments = channel({ count: 7 });
	const longer = segments.map((segment) => (segment.msn === 4 ? { ...segment, duration: 2.5 } : segment));
	assert.ok(rules(feed(new PlaylistChecker(), [window(segments, 0, 6), window(longer, 1, 6)])).includes('segment-changed'));
	const moved = segments.map((segment) => ({ ...segment, pdt: segment.pdt + 300 }));
	assert.deepEqual(rules(feed(new PlaylistChecker(), [window(segments, 0, 6), window(moved, 1, 6)])), ['segment-changed']);
});

test('target-duration: an EXTINF that rounds above the target', () => {
	const segments = channel({ count: 3 }).map((segment) => ({ ...segment, duration: 2.6, pdt: null }));
	assert.deepEqual(rules(feed(new PlaylistChecker(), [render({ mediaSequence: 0, segments })])), ['target-duration']);
});

test('not-found: a 404 while the program is on, but not before its first playlist nor for a refused connection', () => {
	const segments = channel({ count: 10 });
	const answers = ['start', 404, 404, window(segments, 0, 6), 'refused', window(segments, 1, 6), 404, window(segments, 2, 6)];
	const violations = feed(new PlaylistChecker({ program: true }), [...answers, 'stop', window(segments, 3, 6, { endList: true })]);
	assert.deepEqual(rules(violations), ['not-found']);
	assert.equal(violations[0].count, 1);
	assert.deepEqual(feed(new PlaylistChecker(), answers), [], 'a channel playlist (not the program) may answer 404');
});

test('no-endlist: a 404 right after the stop, or no ENDLIST by the end', () => {
	const segments = channel({ count: 10 });
	const live = ['start', window(segments, 0, 6), window(segments, 1, 6), 'stop', window(segments, 1, 6)];
	assert.deepEqual(rules(feed(new PlaylistChecker({ program: true }), [...live, 404])), ['no-endlist']);
	assert.deepEqual(rules(feed(new PlaylistChecker({ program: true }), [...live, window(segments, 2, 6)])), ['no-endlist']);
	assert.deepEqual(feed(new PlaylistChecker({ program: true }), [...live, window(segments, 1, 6, { endList: true }), 404]), []);
});

test('changed-after-endlist: segments appended after ENDLIST, or ENDLIST withdrawn', () => {
	const segments = channel({ count: 10 });
	const ended = ['start', window(segments, 0, 6), 'stop', window(segments, 0, 6, { endList: true })];
	assert.deepEqual(rules(feed(new PlaylistChecker({ program: true }), [...ended, window(segments, 1, 6, { endList: true })])), ['changed-after-endlist']);
	assert.deepEqual(rules(feed(new PlaylistChecker({ program: true }), [...ended, window(segments, 0, 6)])), ['changed-after-endlist']);
});

test('parse: an answer that is no playlist', () => {
	assert.deepEqual(rules(feed(new PlaylistChecker(), ['<html>no</html>', '#EXTM3U\n#EXTINF:2,\n'])), ['parse']);
});

test('from a shell: saved answers in order, exit status 1 with the rule named', () => {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'playlist-monitor-'));
	try {
		const segments = channel({ count: 12 });
		const write = (name, text) => { fs.writeFileSync(path.join(directory, name), text); return path.join(directory, name); };
		const script = fileURLToPath(new URL('./support/playlist-monitor.mjs', import.meta.url));
		const good = [write('1.m3u8', window(segments, 0, 6)), write('2.m3u8', window(segments, 1, 6)), '--stop',
			write('3.m3u8', window(segments, 1, 6, { endList: true })), '404'];
		assert.match(execFileSync(process.execPath, [script, '--program', '--start', ...good], { encoding: 'utf8' }), /no violation/);
		let failure = null;
		try {
			execFileSync(process.execPath, [script, write('4.m3u8', window(segments, 5, 6)), write('5.m3u8', window(segments, 2, 6))], { encoding: 'utf8' });
		} catch (error) {
			failure = error;
		}
		assert.equal(failure?.status, 1);
		assert.match(failure.stdout, /media-sequence/);
	} finally {
		fs.rmSync(directory, { recursive: true, force: true });
	}
});

test('the poller follows a master playlist and sees a 404 from a real server', async () => {
	const segments = channel({ count: 40 });
	let polls = 0;
	const server = http.createServer((request, response) => {
		if (request.url === '/live.m3u8') {
			response.writeHead(200, { 'Content-Type': 'application/vnd.apple.mpegurl' });
			response.end('#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\nmedia.m3u8\n');
			return;
		}
		++polls;
		if (polls === 4) {
			response.writeHead(404);
			response.end();
			return;
		}
		response.writeHead(200, { 'Content-Type': 'application/vnd.apple.mpegurl' });
		response.end(window(segments, polls, 6));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const monitor = new PlaylistMonitor([{ url: `http://127.0.0.1:${server.address().port}/live.m3u8`, program: true }], { intervalMs: 50 });
	monitor.started();
	monitor.start();
	while (polls < 8) await new Promise((resolve) => setTimeout(resolve, 20));
	await monitor.close();
	await new Promise((resolve) => server.close(resolve));
	assert.deepEqual(monitor.violations().map((violation) => violation.rule), ['not-found']);
	assert.equal(monitor.checker('/live.m3u8').stats.errors[404], 1);
});
