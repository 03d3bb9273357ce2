// AdminApi: the dashboard's calls to the admin's own JSON endpoints (/ui/...), which proxy the REST
// API with the session's token kept on the server. POSTs carry the page's CSRF token in
// X-CSRF-Token. A 401 means the session ended (idle, or the API refused the token): the page goes
// to the sign-in form, which says so.

export class SessionEnded extends Error {}

// An answer other than 2xx: its HTTP status, the API's {"detail"} sentence and, for a refused
// channel, its "error_code" (ErrorSentences).
export class ApiError extends Error {
	constructor(status, detail, code) {
		super(detail);
		this.status = status;
		this.code = code || '';
	}
}

export class AdminApi {
	constructor(csrfToken) {
		this.csrfToken = csrfToken;
		this.ended = false;
	}

	get(path) {
		return this.request('GET', path);
	}

	post(path, body) {
		return this.request('POST', path, body || {});
	}

	async request(method, path, body) {
		if (this.ended) throw new SessionEnded();
		const headers = { Accept: 'application/json' };
		if (method !== 'GET') {
			headers['Content-Type'] = 'application/json';
			headers['X-CSRF-Token'] = this.csrfToken;
		}
		const response = await fetch(path, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			credentials: 'same-origin',
			cache: 'no-store',
		});
		if (response.status === 401) {
			this.ended = true;
			window.location.assign('/login?expired=1');
			throw new SessionEnded();
		}
		let data = null;
		try {
			data = await response.json();
		} catch (error) {
			data = null;
		}
		if (!response.ok) {
			const detail = data && typeof data.detail === 'string' ? data.detail : 'HTTP ' + response.status;
			throw new ApiError(response.status, detail, data && typeof data.error_code === 'string' ? data.error_code : '');
		}
		return data;
	}
}
