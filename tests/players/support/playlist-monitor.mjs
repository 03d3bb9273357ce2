// RFC 8216 §6.2.1 as a machine: a PlaylistChecker is fed successive answers of one media playlist URL
// (a playlist, an HTTP status, or no answer at all) and records every rule a server breaks; a
// PlaylistMonitor polls URLs every 0.5 s and feeds one checker per URL. Reusable by any test:
//
//   import { PlaylistMonitor } from '.../tests/players/support/playlist-monitor.mjs';
//   const monitor = new PlaylistMonitor([{ url: api + '/live.m3u8', program: true }, { url: api + '/live/101.m3u8' }]);
//   monitor.start();  monitor.started();  ...  monitor.stopped();  ...  await monitor.close();
//   monitor.violations()  // [] when the server kept every rule
//
// or from a shell, on saved answers in order (a file is a 200 answer, "404" a 404 answer):
//
//   node playlist-monitor.mjs [--program] [--start] a.m3u8 b.m3u8 ... [--stop] c.m3u8 404
//
// Rules (the names are what violations carry):
//   parse                    the answer is no media playlist (#EXTM3U, #EXT-X-TARGETDURATION, URIs)
//   target-duration          an EXTINF rounded to the nearest integer exceeds EXT-X-TARGETDURATION
//   media-sequence           EXT-X-MEDIA-SEQUENCE went down (across restarts of the server too)
//   sequence-reused          one media sequence number names two segments, or one segment two numbers
//   removed-not-from-head    a segment left the playlist while a later one stayed, or the tail shrank
//   segment-changed          a segment's EXTINF, EXT-X-DISCONTINUITY or program date-time changed
//   discontinuity-sequence   EXT-X-DISCONTINUITY-SEQUENCE went down, or a segment's discontinuity
//                            sequence number changed as tagged segments left the window
//   program-date-time        PDT(n+1) ≠ PDT(n) + EXTINF(n) within 50 ms, for contiguous segments
//                            (no EXT-X-DISCONTINUITY on n+1) that both carry the tag
//   not-found                (program) an error status between the first playlist after started()
//                            and stopped()
//   no-endlist               (program) after stopped(), an error status came before a playlist with
//                            EXT-X-ENDLIST, or the monitoring ended without one
//   changed-after-endlist    (program) after stopped(), a playlist with EXT-X-ENDLIST changed again
//
// A segment's discontinuity sequence number is EXT-X-DISCONTINUITY-SEQUENCE plus the EXT-X-DISCONTINUITY
// tags up to and including its own, the window's first segment included (hls.js's reading): a server
// raises EXT-X-DISCONTINUITY-SEQUENCE when a tagged segment leaves the playlist (RFC 8216 §6.2.2).
// No answer at all (connection refused, reset, timeout: a server restarting) is counted, never a violation.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const PDT_TOLERANCE_MS = 50;
const DURATION_TOLERANCE_S = 0.001;
const EXAMPLES_PER_RULE = 3;

export class PlaylistParseError extends Error {}

// Parses a media playlist; relative URIs are resolved against baseUrl. Throws PlaylistParseError.
// A master playlist parses to { master: true, variants: [absolute URIs] }.
export function parsePlaylist(text, baseUrl = 'http://playlist.invalid/') {
	const lines = String(text).split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
	if (lines[0] !== '#EXTM3U') throw new PlaylistParseError('the first line is not #EXTM3U');
	const playlist = {
		master: false,
		targetDuration: null,
		mediaSequence: 0,
		discontinuitySequence: 0,
		endList: false,
		segments: [],
	};
	const variants = [];
	let pending = { duration: null, discontinuity: false, pdt: null, byteRange: '' };
	let streamInf = false;
	const number = (value, tag) => {
		if (!/^\d+$/.test(value)) throw new PlaylistParseError(`${tag} has no integer: ${value}`);
		return Number(value);
	};
	for (const line of lines.slice(1)) {
		if (!line.startsWith('#')) {
			const uri = new URL(line, baseUrl).href;
			if (streamInf) {
				variants.push(uri);
				streamInf = false;
				continue;
			}
			if (pending.duration === null) throw new PlaylistParseError(`the URI ${line} has no #EXTINF`);
			playlist.segments.push({ uri, key: uri + pending.byteRange, ...pending });
			pending = { duration: null, discontinuity: false, pdt: null, byteRange: '' };
			continue;
		}
		const colon = line.indexOf(':');
		const tag = colon < 0 ? line : line.slice(0, colon);
		const value = colon < 0 ? '' : line.slice(colon + 1);
		switch (tag) {
		case '#EXT-X-TARGETDURATION': playlist.targetDuration = number(value, tag); break;
		case '#EXT-X-MEDIA-SEQUENCE': playlist.mediaSequence = number(value, tag); break;
		case '#EXT-X-DISCONTINUITY-SEQUENCE': playlist.discontinuitySequence = number(value, tag); break;
		case '#EXT-X-ENDLIST': playlist.endList = true; break;
		case '#EXT-X-DISCONTINUITY': pending.discontinuity = true; break;
		case '#EXT-X-BYTERANGE': pending.byteRange = '@' + value; break;
		case '#EXT-X-STREAM-INF': streamInf = true; break;
		case '#EXT-X-PROGRAM-DATE-TIME': {
			const time = Date.parse(value);
			if (Number.isNaN(time)) throw new PlaylistParseError(`bad ${tag}: ${value}`);
			pending.pdt = time;
			break;
		}
		case '#EXTINF': {
			const duration = Number(value.split(',')[0]);
			if (!Number.isFinite(duration) || duration < 0) throw new PlaylistParseError(`bad #EXTINF: ${value}`);
			pending.duration = duration;
			break;
		}
		default: break; // other tags change nothing these rules look at
		}
	}
	if (variants.length > 0) return { master: true, variants };
	if (playlist.targetDuration === null) throw new PlaylistParseError('no #EXT-X-TARGETDURATION');
	let discontinuity = playlist.discontinuitySequence;
	let previous = null;
	playlist.segments.forEach((segment, index) => {
		segment.msn = playlist.mediaSequence + index;
		if (segment.discontinuity) ++discontinuity;
		segment.discontinuityNumber = discontinuity;
		// a segment without the tag starts where the previous one ended, unless a discontinuity separates them
		segment.effectivePdt = segment.pdt ?? (previous && !segment.discontinuity && previous.effectivePdt !== null
			? previous.effectivePdt + previous.duration * 1000 : null);
		previous = segment;
	});
	return playlist;
}

// One URL's history. Not thread-safe (Node has one thread); times are milliseconds (Date.now()).
export class PlaylistChecker {
	constructor({ name = 'playlist', program = false, origin = Date.now() } = {}) {
		this.name = name;
		this.program = program;
		this.origin = origin;
		this._violations = new Map(); // rule → { count, examples }
		this._reported = new Set(); // rule and segment already reported: one answer after another repeats it
		this._segments = new Map(); // msn → segment as first seen
		this._msnOfKey = new Map(); // segment key → msn
		this._last = null; // the last playlist
		this._phase = 'idle'; // idle → started → (armed) → stopped
		this._armed = false;
		this._endedPlaylist = null;
		this.stats = { answers: 0, playlists: 0, errors: {}, unreachable: 0, firstMsn: null, lastMsn: null,
			discontinuities: 0, maxPdtErrorMs: 0, stoppedAt: null, endListAt: null, errorAfterStopAt: null, firstError: null };
	}

	// The program was started: error statuses are violations from its first playlist on.
	started(time = Date.now()) {
		this._phase = 'started';
		this._armed = false;
		this._endedPlaylist = null;
		this.stats.startedAt = time;
	}

	// The program was stopped: from now on a playlist with EXT-X-ENDLIST must come before any error status.
	stopped(time = Date.now()) {
		this._phase = 'stopped';
		this._armed = false;
		this.stats.stoppedAt = time;
		this.stats.endListAt = null;
		this.stats.errorAfterStopAt = null;
	}

	// One poll's outcome: { time, status } with text when status is 200, or { time, error } without an answer.
	observe({ time = Date.now(), status = null, text = '', error = null, url = 'http://playlist.invalid/' }) {
		++this.stats.answers;
		if (error || status === null) {
			++this.stats.unreachable;
			return;
		}
		if (status !== 200) {
			this.stats.errors[status] = (this.stats.errors[status] || 0) + 1;
			if (this.program) this._errorStatus(time, status);
			return;
		}
		let playlist;
		try {
			playlist = parsePlaylist(text, url);
		} catch (error_) {
			if (!(error_ instanceof PlaylistParseError)) throw error_;
			this._violate('parse', time, error_.message);
			return;
		}
		if (playlist.master) {
			this._violate('parse', time, 'a master playlist where a media playlist was expected');
			return;
		}
		++this.stats.playlists;
		this._check(time, playlist);
		if (this.program) this._programPlaylist(time, playlist);
		this._last = playlist;
	}

	// Ends the history: a program stopped without any EXT-X-ENDLIST seen is a violation.
	finish(time = Date.now()) {
		if (this.program && this._phase === 'stopped' && this.stats.endListAt === null && this.stats.errorAfterStopAt === null)
			this._violate('no-endlist', time, 'no playlist with #EXT-X-ENDLIST after the stop');
	}

	violations() {
		return [...this._violations.entries()].map(([rule, { count, examples }]) => ({ playlist: this.name, rule, count, examples }));
	}

	_at(time) {
		return `+${((time - this.origin) / 1000).toFixed(1)} s`;
	}

	// Records a violation; with a key (the segment it is about), only the first time.
	_violate(rule, time, detail, key = null) {
		if (key !== null) {
			if (this._reported.has(`${rule} ${key}`)) return;
			this._reported.add(`${rule} ${key}`);
		}
		const entry = this._violations.get(rule) || { count: 0, examples: [] };
		++entry.count;
		if (entry.examples.length < EXAMPLES_PER_RULE) entry.examples.push(`${this._at(time)}: ${detail}`);
		this._violations.set(rule, entry);
	}

	_errorStatus(time, status) {
		if (this.stats.firstError === null) this.stats.firstError = { time, status };
		if (this._phase === 'started' && this._armed) {
			this._violate('not-found', time, `HTTP ${status} while the program is on`);
		} else if (this._phase === 'stopped' && this.stats.errorAfterStopAt === null) {
			this.stats.errorAfterStopAt = time;
			if (this.stats.endListAt === null)
				this._violate('no-endlist', time, `HTTP ${status} ${((time - this.stats.stoppedAt) / 1000).toFixed(1)} s after the stop, with no #EXT-X-ENDLIST before it`);
		}
	}

	_programPlaylist(time, playlist) {
		if (this._phase === 'started') this._armed = true;
		if (this._phase !== 'stopped') return;
		if (this._endedPlaylist) {
			// the ended playlist may still lose segments from its head, nothing else
			const before = this._endedPlaylist.segments.map((segment) => segment.key);
			const now = playlist.segments.map((segment) => segment.key);
			const tail = before.slice(before.length - now.length);
			if (!playlist.endList || now.length > before.length || now.some((key, index) => key !== tail[index]))
				this._violate('changed-after-endlist', time, playlist.endList ? 'segments changed after #EXT-X-ENDLIST' : '#EXT-X-ENDLIST went away');
		} else if (playlist.endList && this.stats.errorAfterStopAt === null) {
			this._endedPlaylist = playlist;
			this.stats.endListAt = time;
		}
	}

	_check(time, playlist) {
		const last = this._last;
		const { segments } = playlist;
		if (this.stats.firstMsn === null && segments.length > 0) this.stats.firstMsn = playlist.mediaSequence;
		if (segments.length > 0) this.stats.lastMsn = Math.max(this.stats.lastMsn ?? 0, segments[segments.length - 1].msn);
		for (const segment of segments) {
			if (Math.round(segment.duration) > playlist.targetDuration)
				this._violate('target-duration', time, `#EXTINF:${segment.duration} of ${segment.msn} rounds above #EXT-X-TARGETDURATION:${playlist.targetDuration}`, segment.key);
		}
		if (last) {
			if (playlist.mediaSequence < last.mediaSequence)
				this._violate('media-sequence', time, `#EXT-X-MEDIA-SEQUENCE went from ${last.mediaSequence} to ${playlist.mediaSequence}`);
			if (playlist.discontinuitySequence < last.discontinuitySequence)
				this._violate('discontinuity-sequence', time, `#EXT-X-DISCONTINUITY-SEQUENCE went from ${last.discontinuitySequence} to ${playlist.discontinuitySequence}`);
			// only the head may go: every segment the last playlist had from this one's first number on stays
			const present = new Set(segments.map((segment) => segment.msn));
			const gone = last.segments.filter((segment) => segment.msn >= playlist.mediaSequence && !present.has(segment.msn));
			if (gone.length > 0)
				this._violate('removed-not-from-head', time, `segments ${gone.map((segment) => segment.msn).join(', ')} left while the window starts at ${playlist.mediaSequence}`);
		}
		for (const segment of segments) {
			const known = this._segments.get(segment.msn);
			const knownMsn = this._msnOfKey.get(segment.key);
			if (knownMsn !== undefined && knownMsn !== segment.msn)
				this._violate('sequence-reused', time, `${segment.uri} was ${knownMsn}, now ${segment.msn}`, segment.key);
			if (!known) {
				this._segments.set(segment.msn, segment);
				if (knownMsn === undefined) this._msnOfKey.set(segment.key, segment.msn);
				if (segment.discontinuity) ++this.stats.discontinuities;
				continue;
			}
			if (known.key !== segment.key) {
				this._violate('sequence-reused', time, `${segment.msn} named ${known.uri}, now ${segment.uri}`);
				this._segments.set(segment.msn, segment); // compare the next answers with the new one
				continue;
			}
			if (Math.abs(known.duration - segment.duration) > DURATION_TOLERANCE_S || known.discontinuity !== segment.discontinuity)
				this._violate('segment-changed', time, `${segment.msn}: #EXTINF ${known.duration} → ${segment.duration}, discontinuity ${known.discontinuity} → ${segment.discontinuity}`, segment.key);
			if (known.effectivePdt !== null && segment.effectivePdt !== null && Math.abs(known.effectivePdt - segment.effectivePdt) > PDT_TOLERANCE_MS)
				this._violate('segment-changed', time, `${segment.msn}: program date-time moved by ${segment.effectivePdt - known.effectivePdt} ms`, segment.key + ' pdt');
			if (known.discontinuityNumber !== segment.discontinuityNumber)
				this._violate('discontinuity-sequence', time, `${segment.msn}: discontinuity sequence number ${known.discontinuityNumber} → ${segment.discontinuityNumber} (#EXT-X-DISCONTINUITY-SEQUENCE:${playlist.discontinuitySequence})`, segment.key);
		}
		for (let index = 1; index < segments.length; ++index) {
			const previous = segments[index - 1];
			const segment = segments[index];
			if (segment.discontinuity || previous.pdt === null || segment.pdt === null) continue;
			const error = segment.pdt - (previous.pdt + previous.duration * 1000);
			this.stats.maxPdtErrorMs = Math.max(this.stats.maxPdtErrorMs, Math.abs(error));
			if (Math.abs(error) > PDT_TOLERANCE_MS)
				this._violate('program-date-time', time, `PDT(${segment.msn}) = PDT(${previous.msn}) + EXTINF(${previous.msn}) ${error > 0 ? '+' : ''}${Math.round(error)} ms`, segment.key);
		}
	}
}

// Polls each URL every intervalMs (one request at a time per URL, each bounded by timeoutMs) and feeds
// its checker. A master playlist is followed to its first variant. close() stops the polling and
// ends the checkers' histories.
export class PlaylistMonitor {
	constructor(feeds, { intervalMs = 500, timeoutMs = 2000, origin = Date.now() } = {}) {
		this.intervalMs = intervalMs;
		this.timeoutMs = timeoutMs;
		this.feeds = feeds.map(({ url, program = false, name = new URL(url).pathname }) =>
			({ url, checker: new PlaylistChecker({ name, program, origin }) }));
		this._running = false;
		this._loops = [];
	}

	start() {
		this._running = true;
		this._loops = this.feeds.map((feed) => this._poll(feed));
	}

	started(time = Date.now()) {
		for (const feed of this.feeds) feed.checker.started(time);
	}

	stopped(time = Date.now()) {
		for (const feed of this.feeds) feed.checker.stopped(time);
	}

	async close() {
		if (!this._running) return;
		this._running = false;
		await Promise.all(this._loops);
		for (const feed of this.feeds) feed.checker.finish();
	}

	violations() {
		return this.feeds.flatMap((feed) => feed.checker.violations());
	}

	checker(name) {
		return this.feeds.find((feed) => feed.checker.name === name)?.checker;
	}

	async _get(url) {
		const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { 'Cache-Control': 'no-cache' } });
		return { status: response.status, text: await response.text(), url: response.url || url };
	}

	async _poll(feed) {
		while (this._running) {
			const began = Date.now();
			let answer;
			try {
				answer = await this._get(feed.url);
				if (answer.status === 200 && /^#EXT-X-STREAM-INF/m.test(answer.text)) {
					const { variants } = parsePlaylist(answer.text, answer.url);
					answer = await this._get(variants[0]);
				}
			} catch (error) {
				answer = { error: error.message };
			}
			feed.checker.observe({ time: began, ...answer });
			const wait = this.intervalMs - (Date.now() - began);
			if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		}
	}
}

// Prints violations, one rule a line with its first examples; returns the number of lines.
export function formatViolations(violations) {
	return violations.map(({ playlist, rule, count, examples }) =>
		`${playlist}: ${rule} ×${count}\n${examples.map((example) => `    ${example}`).join('\n')}`).join('\n');
}

function main(args) {
	const program = args.includes('--program');
	const checker = new PlaylistChecker({ name: 'playlist', program, origin: 0 });
	let time = 0;
	for (const arg of args) {
		time += 500;
		if (arg === '--program') continue;
		else if (arg === '--start') checker.started(time);
		else if (arg === '--stop') checker.stopped(time);
		else if (/^\d{3}$/.test(arg)) checker.observe({ time, status: Number(arg) });
		else checker.observe({ time, status: 200, text: fs.readFileSync(arg, 'utf8'), url: pathToFileURL(path.resolve(arg)).href });
	}
	checker.finish(time + 500);
	const violations = checker.violations();
	if (violations.length > 0) console.log(formatViolations(violations));
	console.log(violations.length === 0 ? 'no violation' : `${violations.length} rule(s) broken`);
	return violations.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
