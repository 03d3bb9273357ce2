// The hls.js settings of the public player, in a module of their own (no imports) so that the
// browser tests measure exactly what the player plays with.
//
// The player plays the low-latency rendition (/live.ll.m3u8: fMP4 parts of ~0.33 s, blocking
// playlist reload) wherever hls.js runs (MSE), with LOW_LATENCY_CONFIG; the TS playlist
// (/live.m3u8) with TS_CONFIG where the API serves no low-latency playlist (404: the setting
// plugins.output-hls.lowLatency is off, or an older restream). Both:
//   maxLiveSyncPlaybackRate 1.15   behind the target, catch up by playing up to 15 % faster rather
//                                  than seeking: a stall costs no skipped picture;
//   maxBufferLength 10             buffer no more than the live window gives anyway;
//   backBufferLength 10            keep 10 s behind the play head, no more (memory on phones);
//   fragLoadingMaxRetry 6 ...      retry a segment a few times before calling the error fatal.
// LOW_LATENCY_CONFIG:
//   lowLatencyMode true            follow EXT-X-PART and block on _HLS_msn/_HLS_part; the target
//                                  latency is the playlist's PART-HOLD-BACK (three parts, ~1 s);
//                                  no liveSyncDuration(Count) here: hls.js would take it instead
//                                  (and without it, hls.js refuses a liveMaxLatencyDuration(Count)).
// TS_CONFIG, hls.js's normal live settings:
//   lowLatencyMode false           whole segments only;
//   liveSyncDurationCount 2        2 segments behind the live edge;
//   liveMaxLatencyDurationCount 5  past 5 segments behind (after a stall), jump back to the edge.
const BOTH = {
	maxLiveSyncPlaybackRate: 1.15,
	maxBufferLength: 10,
	backBufferLength: 10,
	manifestLoadingMaxRetry: 2,
	levelLoadingMaxRetry: 4,
	fragLoadingMaxRetry: 6,
	enableWorker: true,
};

export const LOW_LATENCY_CONFIG = { ...BOTH, lowLatencyMode: true };

export const TS_CONFIG = { ...BOTH, lowLatencyMode: false, liveSyncDurationCount: 2, liveMaxLatencyDurationCount: 5 };
