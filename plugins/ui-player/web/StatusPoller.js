// StatusPoller: asks the API's public GET /stream_status again and again, and hands each answer
// (or the failure) to its listener. The interval is the caller's: short while waiting for a
// stream, longer while one plays. A request that hangs (a phone changing networks) is abandoned
// after TIMEOUT_MS, so a stop or a switch is never missed for long.

const TIMEOUT_MS = 10000;

export class StatusPoller {
	constructor(url, onStatus, onUnreachable) {
		this.url = url;
		this.onStatus = onStatus;
		this.onUnreachable = onUnreachable;
		this.intervalMs = 1000;
		this.timer = null;
	}

	start() {
		this.poll();
	}

	setInterval(ms) {
		this.intervalMs = ms;
	}

	async poll() {
		const abort = new AbortController();
		const deadline = setTimeout(() => abort.abort(), TIMEOUT_MS);
		try {
			const response = await fetch(this.url, { cache: 'no-store', credentials: 'omit', signal: abort.signal });
			if (!response.ok) throw new Error('HTTP ' + response.status);
			this.onStatus(await response.json());
		} catch (error) {
			this.onUnreachable(error);
		} finally {
			clearTimeout(deadline);
			this.timer = setTimeout(() => this.poll(), this.intervalMs);
		}
	}
}
