// StatusPoller: asks the API's public GET /stream_status again and again, and hands each answer
// (or the failure) to its listener. The interval is the caller's: short while waiting for a
// stream, longer while one plays.

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
		try {
			const response = await fetch(this.url, { cache: 'no-store', credentials: 'omit' });
			if (!response.ok) throw new Error('HTTP ' + response.status);
			this.onStatus(await response.json());
		} catch (error) {
			this.onUnreachable(error);
		} finally {
			this.timer = setTimeout(() => this.poll(), this.intervalMs);
		}
	}
}
