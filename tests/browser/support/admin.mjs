// Helpers of the admin's browser test (admin.test.mjs).

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
