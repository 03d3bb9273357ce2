// What every browser test needs: the real restream and the fake provider as child processes on
// ephemeral ports of 127.0.0.1, the API, a headless Chromium, and a place for screenshots.
// Every child runs under timeout(1), so nothing outlives a killed test run, and every child still
// running when the test process exits is killed by its PID (with the process group timeout(1) made
// for itself and the program).

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const children = new Set();
process.on('exit', () => {
	for (const child of children) {
		try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
		try { child.kill('SIGKILL'); } catch { /* already gone */ }
	}
});

export function required(name) {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run the browser tests through ctest`);
	return value;
}

export const sanitized = process.env.RESTREAM_SANITIZED === '1';
const slowdown = sanitized ? 2 : 1;

export function playwright() {
	const require = createRequire(path.join(required('RESTREAM_NODE_MODULES'), 'index.js'));
	return require('playwright-core');
}

export async function launchBrowser() {
	const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
	if (!fs.existsSync(executablePath)) throw new Error(`${executablePath} is missing: run scripts/setup-debian.sh --test`);
	return playwright().chromium.launch({
		executablePath,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
			'--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
	});
}

export function artifact(name) {
	const directory = required('RESTREAM_ARTIFACTS');
	fs.mkdirSync(directory, { recursive: true });
	return path.join(directory, name);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(what, probe, timeoutMs, intervalMs = 200) {
	const deadline = Date.now() + timeoutMs * slowdown;
	let last;
	for (;;) {
		try {
			last = await probe();
			if (last) return last;
		} catch (error) {
			last = error;
		}
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
		await sleep(intervalMs);
	}
}

export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

// Runs binary under timeout(1) for at most seconds; child.output keeps what it printed, child.exited
// resolves to { code, signal }. terminate(child) stops it (SIGTERM, SIGKILL 15 s later).
export function launch(binary, args, environment, seconds) {
	const child = spawn('timeout', ['-s', 'TERM', '-k', '5', String(seconds), binary, ...args], {
		env: environment,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	children.add(child);
	child.output = '';
	const keep = (chunk) => { child.output += chunk.toString(); };
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	child.exited = new Promise((resolve) => child.on('exit', (code, signal) => {
		children.delete(child);
		resolve({ code, signal });
	}));
	return child;
}

export async function terminate(child) {
	if (!children.has(child)) return;
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 15000 * slowdown);
	await child.exited;
	clearTimeout(timer);
}

// The fake Xtream provider (tests/fake-provider): demo-user / s3cret-Pa55, real encoded MPEG-TS.
export class FakeProvider {
	static USERNAME = 'demo-user';
	static PASSWORD = 's3cret-Pa55';

	constructor({ maxConnections = 1 } = {}) {
		this.maxConnections = maxConnections;
		this.port = 0;
		this.child = null;
	}

	get url() {
		return `http://127.0.0.1:${this.port}`;
	}

	async start() {
		const child = launch(required('FAKE_XTREAM'),
			['--port', String(this.port), '--max-connections', String(this.maxConnections), '--duration', '600'],
			{ PATH: process.env.PATH }, 620);
		const lines = readline.createInterface({ input: child.stdout });
		const first = await Promise.race([
			new Promise((resolve) => lines.once('line', resolve)),
			child.exited.then(() => null),
			sleep(20000).then(() => null),
		]);
		const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(first || '');
		if (!match) throw new Error(`fake-xtream did not start: ${child.output}`);
		this.port = Number(match[1]);
		this.child = child;
	}

	// Freezes the provider (SIGSTOP): its connections stay open and silent, as a stalled panel's do.
	// The signal goes to the process group that timeout(1) made for itself and the provider.
	freeze() {
		process.kill(-this.child.pid, 'SIGSTOP');
		this.frozen = true;
	}

	thaw() {
		if (this.frozen) process.kill(-this.child.pid, 'SIGCONT');
		this.frozen = false;
	}

	// POST /_control?query (e.g. 'channel=103&drop_after=1'); throws unless 200.
	async control(query) {
		const response = await fetch(`${this.url}/_control?${query}`, { method: 'POST' });
		if (response.status !== 200) throw new Error(`fake-xtream /_control?${query}: ${response.status} ${await response.text()}`);
	}

	// GET /_stats: { channels: { "101": { open, total, ... } }, ... }
	async stats() {
		return (await fetch(`${this.url}/_stats`)).json();
	}

	async stop() {
		if (this.child) {
			this.thaw();
			await terminate(this.child);
		}
		this.child = null;
	}
}

// The real restream binary with the build tree's configuration; ports and state are the test's.
export class Restream {
	constructor({ provider = null, defines = {} } = {}) {
		this.provider = provider;
		this.defines = defines;
		this.child = null;
		this.stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'restream-browser-'));
		this.ports = {};
	}

	url(port) {
		return `http://127.0.0.1:${this.ports[port]}`;
	}

	get apiUrl() { return this.url('api'); }
	get adminUrl() { return this.url('admin'); }
	get playerUrl() { return this.url('player'); }
	get output() { return this.child ? this.child.output : ''; }

	// Picks free ports the first time; a start after restart()'s stop binds the same ones again.
	async start() {
		for (const port of ['admin', 'api', 'player', 'tuner']) this.ports[port] = this.ports[port] || await freePort();
		const defines = {
			'state.dir': this.stateDir,
			'plugins.dir': required('RESTREAM_PLUGIN_DIR'),
			'live.retryDelay': '500',
			// The faces find the API and each other from http.<port>.port alone (ports said once).
			...Object.fromEntries(Object.entries(this.ports).flatMap(([name, port]) =>
				[[`http.${name}.address`, '127.0.0.1'], [`http.${name}.port`, String(port)]])),
			...this.defines,
		};
		const args = ['--config', required('RESTREAM_CONFIG')];
		for (const [key, value] of Object.entries(defines)) args.push('--define', `${key}=${value}`);
		// Provider credentials go through the environment, never the command line.
		const environment = { PATH: process.env.PATH, HOME: this.stateDir, LANG: 'C.UTF-8' };
		for (const name of ['ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LSAN_OPTIONS']) {
			if (process.env[name]) environment[name] = process.env[name];
		}
		if (this.provider) {
			environment.XTREAM_API_URL = this.provider.url;
			environment.XTREAM_USERNAME = FakeProvider.USERNAME;
			environment.XTREAM_PASSWORD = FakeProvider.PASSWORD;
		}
		this.child = launch(required('RESTREAM_BINARY'), args, environment, 900);
		await waitFor('restream to answer /health on every port', async () => {
			if (this.child.exitCode !== null) throw new Error(`restream exited: ${this.child.output}`);
			for (const port of Object.keys(this.ports)) {
				const response = await fetch(this.url(port) + '/health');
				if (response.status !== 200) return false;
			}
			return true;
		}, 30000);
	}

	async stop() {
		if (!this.child) return;
		await terminate(this.child);
		const { code, signal } = await this.child.exited;
		this.child = null;
		fs.rmSync(this.stateDir, { recursive: true, force: true });
		if (code !== 0) throw new Error(`restream ended with ${code ?? signal}`);
	}

	// SIGTERM, then the same binary again on the same ports with the same state directory. Throws
	// unless the first one ended with 0. Returns the milliseconds from SIGTERM to /health answering.
	async restart() {
		const began = Date.now();
		await terminate(this.child);
		const { code, signal } = await this.child.exited;
		this.child = null;
		if (code !== 0) throw new Error(`restream ended with ${code ?? signal} on SIGTERM`);
		await this.start();
		return Date.now() - began;
	}

	adminPassword() {
		return fs.readFileSync(path.join(this.stateDir, 'plugins', 'auth-jwt', 'initial-admin-password'), 'utf8').trim();
	}

	async token() {
		if (!this.jwt) {
			const answer = await this.api('POST', '/auth/login', { username: 'admin', password: this.adminPassword() });
			this.jwt = answer.access_token;
		}
		return this.jwt;
	}

	// Calls the API with the admin's token; throws with the API's detail unless 2xx.
	async api(method, route, body) {
		const headers = { 'Content-Type': 'application/json' };
		if (route !== '/auth/login') headers.Authorization = 'Bearer ' + await this.token();
		const response = await fetch(this.apiUrl + route, { method, headers, body: body ? JSON.stringify(body) : undefined });
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
		return text ? JSON.parse(text) : null;
	}

	async status() {
		return this.api('GET', '/stream_status');
	}
}
