// The hls.js settings of the admin's preview, in a module of their own (no imports). The idea is
// the public player's (plugins/ui-player/web/hlsConfig.js), kept small and apart: a plugin includes
// no other plugin's files, and a muted preview needs less buffer than the player.
//
// LOW_LATENCY plays /preview/live.ll.m3u8 (fMP4 parts, blocking playlist reload):
//   lowLatencyMode true            follow EXT-X-PART and block on _HLS_msn/_HLS_part; the target
//                                  latency is the playlist's PART-HOLD-BACK; no liveSyncDuration(Count)
//                                  here, or hls.js would take it instead;
//   maxLiveSyncPlaybackRate 1.15   behind the target, catch up by playing faster rather than seeking.
// TS plays /preview/live.m3u8, where the API has no low-latency rendition:
//   liveSyncDurationCount 2        two segments behind the live edge.
// Both: a small buffer behind and ahead of the play head, and a few retries before an error is fatal.
const COMMON = {
	maxBufferLength: 8,
	backBufferLength: 4,
	manifestLoadingMaxRetry: 4,
	levelLoadingMaxRetry: 6,
	fragLoadingMaxRetry: 6,
};

export const LOW_LATENCY = { ...COMMON, lowLatencyMode: true, maxLiveSyncPlaybackRate: 1.15 };
export const TS = { ...COMMON, lowLatencyMode: false, liveSyncDurationCount: 2 };
