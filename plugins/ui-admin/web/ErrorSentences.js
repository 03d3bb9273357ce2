// ErrorSentences: the engine reports upstream failures in /stream_status "error" as English
// sentences (host/src/UrlInput.cpp describe()); the dashboard shows the known ones as a short
// sentence in the page's language, and any other as the API wrote it.

const KNOWN = [
	[/connection limit|HTTP 403/i, 'errLimit'],
	[/refused the login|HTTP 401/i, 'errLogin'],
	[/no data from the provider for (\d+) s/i, 'errNoDataFor'],
	[/no data from the provider in time|timed? ?out/i, 'errNoData'],
	[/no such stream|HTTP 404/i, 'errNotFound'],
	[/ended the stream|connection to the provider was lost|closed the connection/i, 'errDropped'],
	[/refused the connection|connection failed/i, 'errUnreachable'],
	[/not a playable stream/i, 'errGarbage'],
	[/HTTP 5xx|provider failed/i, 'errServer'],
];

export function describeError(error, state, t) {
	if (!error) return '';
	const known = KNOWN.find(([pattern]) => pattern.test(error));
	// a number the engine's sentence carries (the seconds of a timeout) fills {n}
	let sentence = known ? t[known[1]].replace('{n}', (known[0].exec(error) || [])[1] || '') : error;
	if (state === 'reconnecting') sentence += t.reconnectingSuffix;
	return sentence;
}

// A refused start: 409 is the provider account (or live.maxChannels) being full.
export function describeStartFailure(status, detail, t) {
	if (status === 409 && /provider|connection/i.test(detail)) return t.errAccountFull;
	return t.startFailed.replace('{detail}', detail);
}
