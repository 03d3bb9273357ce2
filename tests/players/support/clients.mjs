// Real players as a viewer runs them, each watched through what it reports of itself: ffmpeg
// (showinfo), mpv (JSON IPC), GStreamer (gst-launch-1.0 -v: caps and buffers), VLC (its http
// interface's status.json) and hls.js, video.js (VHS) and Shaka in Debian's Chromium, each with its
// default configuration. A Client plays one URL at a time in one instance; relaunch() replaces a dead
// or stuck instance with a new one (instance counts them).
//
// Every client keeps `state` = { width, height, progress } (progress: seconds of media played, only
// ever rising) and `ended` = { time, how, why } once its instance is over (endings keeps them per
// instance; "stopped by the test" when relaunch() ended it). The test samples state every 250 ms
// into `history` (sample()). Processes run under timeout(1) (harness.launch) and are
// stopped by their PIDs, with the processes they started (VLC runs as nobody under runuser).

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { launch } from '../../browser/support/harness.mjs';

const CLIENT_LIFETIME_S = 240; // timeout(1)'s bound on any player process
const FRAME_RATE = 25; // the fake provider's channels

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function within(ms, promise, fallback = null) {
	let timer;
	const result = await Promise.race([promise, new Promise((resolve) => { timer = setTimeout(() => resolve(fallback), ms); })]);
	clearTimeout(timer);
	return result;
}

// A process's start time (clock ticks since boot), which tells it from a later process with its PID.
function startTime(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
	} catch {
		return null;
	}
}

// Sends signal to each { pid, started } that is still the process it was.
function signal(processes, name) {
	for (const { pid, started } of processes) {
		if (started !== null && startTime(pid) === started) {
			try { process.kill(pid, name); } catch { /* gone meanwhile */ }
		}
	}
}

// Every process below pid (children first), from /proc.
function descendants(pid) {
	const found = [];
	let children = [];
	try {
		for (const task of fs.readdirSync(`/proc/${pid}/task`))
			children.push(...fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
	} catch {
		children = [];
	}
	for (const child of children) found.push(...descendants(child), child);
	return found;
}

// The last count lines of text matching pattern, without the players' "[name @ 0x…]" prefixes.
function lastLines(text, count, pattern) {
	return text.split('\n').filter((line) => pattern.test(line)).slice(-count)
		.map((line) => line.replace(/\[(\w+) @ 0x[0-9a-f]+\] /g, '$1: ').replace(/^\[[0-9a-f]+\] /, '').trim().slice(0, 160)).join(' / ');
}

export class Client {
	constructor(name, artifacts) {
		this.name = name;
		this.artifacts = artifacts;
		this.instance = 0;
		this.history = []; // { t, width, height, progress, instance }
		this.events = []; // { t, instance, what }
		this.endings = new Map(); // instance → ended
		this._reset();
	}

	_reset() {
		this.state = { width: 0, height: 0, progress: 0 };
		this.ended = null;
	}

	note(what) {
		this.events.push({ t: Date.now(), instance: this.instance, what });
	}

	async relaunch(url) {
		if (this.instance > 0) {
			if (!this.ended) this._end('stopped by the test');
			await this.close();
		}
		++this.instance;
		this._reset();
		this.note('launched');
		await this.launch(url);
	}

	// Records the current state (polling the player first where it must be asked).
	async sample() {
		if (!this.ended) await this.poll();
		this.history.push({ t: Date.now(), instance: this.instance, ...this.state });
	}

	get alive() {
		return this.instance > 0 && !this.ended;
	}

	async poll() {}

	// how: a few words for the table ("exit 1", "video ended"); why: what the player said last.
	_end(how, why = '') {
		if (this.ended) return;
		this.ended = { time: Date.now(), how, why };
		this.endings.set(this.instance, this.ended);
		this.note(`ended: ${how}${why ? ` (${why})` : ''}`);
	}
}

// A player that is one process. Subclasses give command(url) → { binary, args, environment }, read its
// output in line(line), and name in failurePattern the lines that tell why it ended.
class ProcessClient extends Client {
	async launch(url) {
		const { binary, args, environment } = this.command(url);
		const child = launch(binary, args, { PATH: process.env.PATH, LANG: 'C.UTF-8', ...environment }, CLIENT_LIFETIME_S);
		this.child = child;
		const instance = this.instance;
		for (const stream of [child.stdout, child.stderr])
			readline.createInterface({ input: stream }).on('line', (line) => { if (this.instance === instance) this.line(line); });
		child.exited.then(({ code, signal }) => {
			if (this.instance !== instance) return;
			this._end(signal ? `killed by ${signal}` : `exit ${code}`, lastLines(child.output, 2, this.failurePattern));
		});
	}

	line() {}

	async close() {
		const child = this.child;
		if (!child) return;
		this.child = null;
		if (child.exitCode === null && child.signalCode === null) {
			// the player, what it started (runuser's VLC) and timeout(1), by PID
			const processes = [...descendants(child.pid), child.pid].map((pid) => ({ pid, started: startTime(pid) }));
			signal(processes, 'SIGTERM');
			if (!(await within(5000, child.exited.then(() => true), false))) signal(processes, 'SIGKILL');
			await child.exited;
			signal(processes, 'SIGKILL'); // a player that outlived timeout(1)
		}
		fs.writeFileSync(path.join(this.artifacts, `${this.name}-${this.instance}.log`), child.output.slice(-400000));
	}
}

// ffmpeg -i URL -vf showinfo -f null -: one showinfo line per decoded frame ("n: … s:WxH").
export class FfmpegClient extends ProcessClient {
	constructor(artifacts) {
		super('ffmpeg', artifacts);
		this.failurePattern = /^(?!.*showinfo).*(error|failed|invalid|end of file)/i;
	}

	command(url) {
		return { binary: 'ffmpeg', args: ['-hide_banner', '-nostdin', '-nostats', '-i', url, '-vf', 'showinfo', '-f', 'null', '-'] };
	}

	line(line) {
		const frame = /Parsed_showinfo.* n: *\d+ .* s:(\d+)x(\d+)/.exec(line);
		if (!frame) return;
		this.state = { width: Number(frame[1]), height: Number(frame[2]), progress: this.state.progress + 1 / FRAME_RATE };
	}
}

// mpv --vo=null --ao=null with a JSON IPC socket: observed video-params and playback-time, end-file.
export class MpvClient extends ProcessClient {
	constructor(artifacts) {
		super('mpv', artifacts);
		this.failurePattern = /error|failed|end of file/i;
	}

	command(url) {
		this.socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpv-ipc-'));
		this.socketPath = path.join(this.socketDir, 'socket');
		return { binary: 'mpv', args: ['--no-config', '--vo=null', '--ao=null', '--msg-level=all=info', `--input-ipc-server=${this.socketPath}`, url],
			environment: { HOME: this.socketDir } };
	}

	async launch(url) {
		await super.launch(url);
		const instance = this.instance;
		let socket = null;
		for (let attempt = 0; attempt < 50 && !socket && !this.ended; ++attempt) {
			await sleep(100);
			socket = await new Promise((resolve) => {
				const connection = net.createConnection(this.socketPath);
				connection.once('connect', () => resolve(connection));
				connection.once('error', () => resolve(null));
			});
		}
		if (!socket) {
			this.note('no IPC socket');
			return;
		}
		this.socket = socket;
		let lastTime = null;
		readline.createInterface({ input: socket }).on('line', (line) => {
			if (this.instance !== instance) return;
			let message;
			try { message = JSON.parse(line); } catch { return; }
			if (message.event === 'property-change' && message.name === 'video-params' && message.data)
				this.state = { ...this.state, width: message.data.w, height: message.data.h };
			else if (message.event === 'property-change' && message.name === 'playback-time' && typeof message.data === 'number') {
				if (lastTime !== null && message.data > lastTime && message.data - lastTime < 5) this.state = { ...this.state, progress: this.state.progress + message.data - lastTime };
				lastTime = message.data;
			} else if (message.event === 'end-file') {
				this.note(`end-file ${message.reason}${message.file_error ? ': ' + message.file_error : ''}`);
			}
		});
		socket.on('error', () => {});
		socket.write('{"command":["observe_property",1,"video-params"]}\n{"command":["observe_property",2,"playback-time"]}\n');
	}

	async close() {
		if (this.socket) this.socket.destroy();
		this.socket = null;
		await super.close();
		if (this.socketDir) fs.rmSync(this.socketDir, { recursive: true, force: true });
	}
}

// gst-launch-1.0 -m -v playbin with fakesinks synchronised on the clock: the video sink's caps
// (width, height) and one "chain" line per video buffer.
export class GstreamerClient extends ProcessClient {
	constructor(artifacts) {
		super('gstreamer', artifacts);
		this.failurePattern = /^(ERROR:|Could not|streaming stopped|Got EOS)/;
	}

	command(url) {
		return { binary: 'gst-launch-1.0', args: ['-m', '-v', 'playbin', `uri=${url}`,
			'video-sink=fakesink name=vsink sync=true silent=false', 'audio-sink=fakesink name=asink sync=true'] };
	}

	line(line) {
		if (/vsink.*last-message = chain/.test(line)) {
			this.state = { ...this.state, progress: this.state.progress + 1 / FRAME_RATE };
			return;
		}
		const caps = /vsink\.GstPad:sink: caps = video\/x-raw.*width=\(int\)(\d+), height=\(int\)(\d+)/.exec(line);
		if (caps) this.state = { ...this.state, width: Number(caps[1]), height: Number(caps[2]) };
	}
}

// cvlc with the dummy interface and outputs, as nobody (VLC refuses root), watched through its http
// interface: /requests/status.json gives the count of pictures shown (paced by VLC's clock) and the
// video's size.
export class VlcClient extends ProcessClient {
	constructor(artifacts, { httpPort }) {
		super('vlc', artifacts);
		this.failurePattern = /(adaptive demux|http|access).*error|end of playlist/i;
		this.httpPort = httpPort;
		this.password = 'players-test';
	}

	command(url) {
		this.home = fs.mkdtempSync(path.join(os.tmpdir(), 'vlc-home-'));
		const vlc = ['cvlc', '-I', 'dummy', '--vout=dummy', '--aout=dummy', '--play-and-exit', '--no-video-title-show',
			'--extraintf', 'http', '--http-host', '127.0.0.1', '--http-port', String(this.httpPort), '--http-password', this.password, url];
		if (process.getuid() !== 0) return { binary: vlc[0], args: vlc.slice(1), environment: { HOME: this.home } };
		fs.chmodSync(this.home, 0o777);
		return { binary: 'runuser', args: ['-u', 'nobody', '--', 'env', `HOME=${this.home}`, ...vlc] };
	}

	async poll() {
		let status;
		try {
			const response = await fetch(`http://127.0.0.1:${this.httpPort}/requests/status.json`, {
				headers: { Authorization: 'Basic ' + Buffer.from(':' + this.password).toString('base64') },
				signal: AbortSignal.timeout(1000),
			});
			if (!response.ok) return;
			status = await response.json();
		} catch {
			return;
		}
		const pictures = status.stats?.displayedpictures ?? 0;
		let { width, height } = this.state;
		for (const category of Object.values(status.information?.category || {})) {
			const size = /^(\d+)x(\d+)$/.exec(category.Video_resolution || category['Video resolution'] || '');
			if (size && category.Type === 'Video') [width, height] = [Number(size[1]), Number(size[2])];
		}
		if (this._pictures === undefined || pictures < this._pictures) this._pictures = pictures;
		const progress = this.state.progress + (pictures - this._pictures) / FRAME_RATE;
		this._pictures = pictures;
		this.state = { width, height, progress };
		if (status.state !== this._vlcState) this.note(`state ${status.state}`);
		this._vlcState = status.state;
	}

	_reset() {
		super._reset();
		this._pictures = undefined;
		this._vlcState = undefined;
	}

	async close() {
		await super.close();
		if (this.home) fs.rmSync(this.home, { recursive: true, force: true });
	}
}

// Where a page finds each library, in the build's node_modules (restream-npm installs them).
const LIBRARIES = {
	hlsjs: 'hls.js/dist/hls.min.js',
	videojs: 'video.js/dist/video.min.js',
	shaka: 'shaka-player/dist/shaka-player.compiled.js',
};

// Each page starts its library on window.SOURCE with the library's defaults, muted, and reports
// through note(): errors (counted by kind), the end of the stream, 'ended'.
const START = {
	hlsjs: `
		const hls = new Hls();
		hls.on(Hls.Events.ERROR, (event, data) => note('error ' + data.type + ' ' + data.details + (data.fatal ? ' FATAL' : '')));
		hls.on(Hls.Events.BUFFER_EOS, () => note('end of stream (BUFFER_EOS)'));
		hls.loadSource(window.SOURCE);
		hls.attachMedia(video);
		hls.on(Hls.Events.MANIFEST_PARSED, () => video.play().catch((error) => note('play: ' + error.message)));`,
	videojs: `
		const player = videojs(video, { muted: true });
		player.on('error', () => note('error ' + JSON.stringify(player.error())));
		player.src({ src: window.SOURCE, type: 'application/x-mpegURL' });
		player.ready(() => player.play().catch((error) => note('play: ' + error.message)));`,
	shaka: `
		shaka.polyfill.installAll();
		const player = new shaka.Player();
		player.addEventListener('error', (event) => note('error ' + event.detail.code + ' ' + (event.detail.severity === 2 ? 'CRITICAL' : '')));
		player.attach(video)
			.then(() => player.load(window.SOURCE))
			.then(() => { note('load mode ' + player.getLoadMode()); return video.play(); })
			.catch((error) => note('load: ' + (error.code || error.message)));`,
};

function page(kind, source) {
	return `<!doctype html><html><head><meta charset="utf-8"><title>${kind}</title></head><body>
<video id="video" muted playsinline width="320" height="180"></video>
<script>
window.SOURCE = ${JSON.stringify(source)};
window.pageLog = [];
const counts = new Map();
function note(what) {
	const count = (counts.get(what) || 0) + 1;
	counts.set(what, count);
	if (count <= 3) window.pageLog.push({ t: Date.now(), what: count === 3 ? what + ' (and more)' : what });
}
const video = document.getElementById('video');
for (const name of ['ended', 'stalled', 'waiting', 'emptied']) video.addEventListener(name, () => note('video ' + name));
video.addEventListener('error', () => note('video error ' + (video.error && video.error.message)));
window.playerState = () => {
	const element = document.querySelector('video');
	return { width: element.videoWidth, height: element.videoHeight, time: element.currentTime, ended: element.ended,
		log: window.pageLog.splice(0) };
};
</script>
<script src="lib/${kind}.js"></script>
<script>${START[kind]}</script>
</body></html>`;
}

// One page of Chromium (its own browser context) served at <origin>/__players/<kind>.html by
// Playwright's routing, so the playlist is same-origin and nothing is served by restream itself.
export class BrowserClient extends Client {
	constructor(kind, artifacts, { browser, origin, nodeModules }) {
		super(kind, artifacts);
		this.kind = kind;
		this.browser = browser;
		this.origin = origin;
		this.nodeModules = nodeModules;
	}

	async launch(url) {
		this.context = await this.browser.newContext();
		const html = page(this.kind, url);
		const script = fs.readFileSync(path.join(this.nodeModules, LIBRARIES[this.kind]));
		await this.context.route(`${this.origin}/__players/**`, (route) => {
			const isPage = route.request().url().endsWith('.html');
			route.fulfill({ status: 200, contentType: isPage ? 'text/html' : 'text/javascript', body: isPage ? html : script });
		});
		this.page = await this.context.newPage();
		this.page.on('crash', () => this._end('the page crashed'));
		this._time = null;
		await this.page.goto(`${this.origin}/__players/${this.kind}.html`);
	}

	async poll() {
		if (!this.page) return;
		const state = await within(3000, this.page.evaluate(() => window.playerState && window.playerState()).catch(() => null));
		if (!state) return;
		for (const { t, what } of state.log) this.events.push({ t, instance: this.instance, what });
		let { progress } = this.state;
		if (this._time !== null && state.time > this._time && state.time - this._time < 5) progress += state.time - this._time;
		this._time = state.time;
		this.state = { width: state.width, height: state.height, progress };
		const end = state.log.find(({ what }) => what === 'video ended' || what.startsWith('end of stream'));
		if (end) this._end(end.what);
		else if (state.ended) this._end('video ended');
	}

	async close() {
		const context = this.context;
		this.context = null;
		this.page = null;
		if (context) await within(10000, context.close().catch(() => {}));
	}
}
