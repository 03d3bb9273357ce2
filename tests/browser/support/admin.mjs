// Helpers of the admin's browser test (admin.test.mjs) on top of harness.mjs.

import { Restream } from './harness.mjs';

// A Restream whose admin (ui-admin) talks to its own API and shares its own player port. The
// ports are only chosen in start(), after the defines are given: getters read them when start()
// spreads the defines into the command line.
export function adminRestream(options = {}) {
	const restream = new Restream({ ...options, defines: { ...(options.defines || {}) } });
	Object.defineProperty(restream.defines, 'plugins.ui-admin.apiUrl', { enumerable: true, get: () => restream.apiUrl });
	Object.defineProperty(restream.defines, 'plugins.ui-admin.playerPort', { enumerable: true, get: () => String(restream.ports.player) });
	return restream;
}

// Fills and sends the sign-in form; resolves with the response of the form's POST.
export async function submitLogin(page, username, password) {
	await page.fill('#username', username);
	await page.fill('#password', password);
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
		page.click('#signIn'),
	]);
	await page.waitForLoadState('domcontentloaded');
	return response;
}

// The text of an element, or '' when it is not there.
export async function textOf(page, selector) {
	const element = await page.$(selector);
	return element ? ((await element.textContent()) || '').trim() : '';
}

// A raw HTTP request to the admin without a browser: fetch() with the session cookie given.
export async function adminFetch(restream, path, { method = 'GET', headers = {}, body, cookie } = {}) {
	const allHeaders = { ...headers };
	if (cookie) allHeaders.Cookie = cookie;
	return fetch(restream.adminUrl + path, { method, headers: allHeaders, body, redirect: 'manual' });
}
