// ErrorSentences: the API names a channel's failure, or a refused start, by a machine code
// ("error_code" in /stream_status and in a refusal's {"detail", "error_code"}; the codes are
// host/include/restream/ChannelErrors.h) next to an English sentence. The dashboard says the codes
// it knows in the page's language (strings.json "error_<code>"), any other code as the API wrote
// its sentence: new codes may come before the dashboard knows them.

function sentenceFor(code, english, t) {
	const key = 'error_' + code;
	return code && Object.prototype.hasOwnProperty.call(t, key) ? t[key] : english || '';
}

// The failure of a running channel (a /stream_status answer), '' when none.
export function describeError(status, t) {
	const sentence = sentenceFor(status.error_code, status.error, t);
	if (!sentence) return '';
	return status.state === 'reconnecting' ? sentence + t.reconnectingSuffix : sentence;
}

// A refused start (an ApiError of /ui/start).
export function describeStartFailure(error, t) {
	const known = sentenceFor(error.code, '', t);
	return known || t.startFailed.replace('{detail}', error.message);
}
