// Simulated viewers for tests/install/edge-cache.sh, behaving like hls.js (what the public player runs).
//
// node edge-players.js players EDGE TS_PLAYERS LL_PLAYERS SECONDS LOCAL_ADDRESS
//   TS players (half on /live.m3u8, half on /live/1.m3u8) load the playlist, fetch its last three
//   segments (hls.js starts three target durations behind), then reload it every target duration (half
//   of one when it had nothing new) and fetch each new segment. LL players (half on /live.ll.m3u8,
//   half on /live/1.ll.m3u8) load the playlist, fetch its init segment and last three parts (three
//   parts of hold-back), then ask again and again for the part the preload hint names
//   (_HLS_msn/_HLS_part, a blocking reload) and fetch each new part. Players join over the first two
//   seconds, each with two keep-alive connections (a playlist and a media loader). Prints one JSON
//   object: requests, errors, bytes and cache statuses per kind, the distinct media fetched, blocking
//   reloads answered without the asked part, and how long after the first viewer each viewer got the
//   same blocking reload's answer.
// node edge-players.js lag EDGE ORIGIN SECONDS
//   samples the program playlist through the edge and at the origin every 250 ms. Prints one JSON object.
'use strict';
const http = require('http');
const [mode, ...args] = process.argv.slice(2);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function get(agent, url, localAddress) {
  const started = Date.now();
  return new Promise((resolve) => {
    const done = (answer) => resolve(Object.assign({ started, ended: Date.now() }, answer));
    const request = http.get(url, { agent, localAddress, timeout: 15000, headers: { 'User-Agent': 'edge-player' } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        done({ status: response.statusCode, bytes: body.length, cache: response.headers['x-cache-status'] || '-',
          text: /\.m3u8$/.test(new URL(url).pathname) ? body.toString() : '' });
      });
      response.on('error', (error) => done({ status: 0, bytes: 0, cache: 'error ' + error.message, text: '' }));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => done({ status: 0, bytes: 0, cache: 'error ' + error.message, text: '' }));
  });
}

function parse(text, base) {
  const lines = text.split('\n');
  const attribute = (line, name) => (new RegExp(`${name}="([^"]*)"`).exec(line) || [])[1];
  const resolve = (uri) => new URL(uri, base).pathname;
  const playlist = { sequence: Number((/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text) || [])[1]),
    target: Number((/#EXT-X-TARGETDURATION:(\d+)/.exec(text) || [])[1]) || 2, segments: [], parts: [], maps: [], hint: null };
  for (const line of lines) {
    if (line.startsWith('#EXT-X-MAP:')) playlist.maps.push(resolve(attribute(line, 'URI')));
    else if (line.startsWith('#EXT-X-PART:')) playlist.parts.push(resolve(attribute(line, 'URI')));
    else if (line.startsWith('#EXT-X-PRELOAD-HINT:')) playlist.hint = resolve(attribute(line, 'URI'));
    else if (line && !line.startsWith('#')) playlist.segments.push(resolve(line));
  }
  return playlist;
}

// <token>-<sequence>.<part>.m4s -> [sequence, part]; a whole segment <token>-<sequence>.ts|.m4s -> [sequence, Infinity]
function position(path) {
  const part = /-(\d+)\.(\d+)\.m4s$/.exec(path);
  if (part) return [Number(part[1]), Number(part[2])];
  const whole = /-(\d+)\.(ts|m4s)$/.exec(path);
  return whole ? [Number(whole[1]), Infinity] : [-1, -1];
}
const after = (a, b) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

class Report {
  constructor() {
    this.kinds = {};
    this.errors = [];
    this.media = new Map();  // distinct media path -> { kind, bytes }
    this.missing = 0;        // blocking reloads answered without the asked part
    this.reloads = new Map(); // blocking reload URL -> arrival times
  }

  note(kind, path, answer) {
    const entry = this.kinds[kind] = this.kinds[kind] || { requests: 0, errors: 0, bytes: 0, cache: {} };
    entry.requests++;
    entry.bytes += answer.bytes;
    entry.cache[answer.cache] = (entry.cache[answer.cache] || 0) + 1;
    if (answer.status === 200) return true;
    entry.errors++;
    if (this.errors.length < 10) this.errors.push(`${kind} ${path}: ${answer.status} ${answer.cache}`);
    return false;
  }

  json() {
    const spread = [];
    for (const times of this.reloads.values()) {
      const first = Math.min(...times);
      for (const time of times) spread.push(time - first);
    }
    spread.sort((a, b) => a - b);
    const at = (q) => (spread.length ? spread[Math.min(spread.length - 1, Math.floor(q * spread.length))] : 0);
    const unique = {};
    for (const { kind, bytes } of this.media.values()) {
      unique[kind] = unique[kind] || { count: 0, bytes: 0 };
      unique[kind].count++;
      unique[kind].bytes += bytes;
    }
    return { kinds: this.kinds, errors: this.errors, unique, missing: this.missing,
      reloadSpreadMs: { answers: spread.length, p50: at(0.5), p95: at(0.95), max: spread.length ? spread[spread.length - 1] : 0 } };
  }
}

async function media(report, agent, edge, path, kind, localAddress) {
  const answer = await get(agent, edge + path, localAddress);
  if (report.note(kind, path, answer)) report.media.set(path, { kind, bytes: answer.bytes });
}

async function tsPlayer(report, edge, path, deadline, localAddress) {
  const playlistAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const mediaAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let last = null;
  while (Date.now() < deadline) {
    const answer = await get(playlistAgent, edge + path, localAddress);
    let fresh = false;
    if (report.note('ts-playlist', path, answer)) {
      const playlist = parse(answer.text, edge + path);
      const wanted = last === null ? playlist.segments.slice(-3) : playlist.segments.filter((segment) => after(position(segment), last));
      for (const segment of wanted) {
        await media(report, mediaAgent, edge, segment, 'ts-segment', localAddress);
        last = position(segment);
        fresh = true;
      }
      await sleep(Math.max(0, (fresh ? 1000 : 500) * playlist.target - (Date.now() - answer.started)));
    } else {
      await sleep(1000);
    }
  }
  playlistAgent.destroy();
  mediaAgent.destroy();
}

async function llPlayer(report, edge, path, deadline, localAddress) {
  const playlistAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const mediaAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const maps = new Set();
  let last = null;
  let asked = null;
  while (Date.now() < deadline) {
    const query = asked ? `?_HLS_msn=${asked[0]}&_HLS_part=${asked[1]}` : '';
    const kind = asked ? 'll-reload' : 'll-playlist';
    const answer = await get(playlistAgent, edge + path + query, localAddress);
    if (!report.note(kind, path + query, answer)) {
      asked = null;
      await sleep(1000);
      continue;
    }
    const playlist = parse(answer.text, edge + path);
    if (asked) {
      const times = report.reloads.get(path + query) || [];
      times.push(answer.ended);
      report.reloads.set(path + query, times);
      const listed = playlist.parts.concat(playlist.segments).map(position);
      if (!listed.some((at) => at[0] > asked[0] || (at[0] === asked[0] && at[1] >= asked[1]))) {
        report.missing++;
        if (report.errors.length < 10) report.errors.push(`${kind} ${path + query}: answered without the part it asked for`);
      }
    }
    for (const map of playlist.maps) {
      if (!maps.has(map)) {
        maps.add(map);
        await media(report, mediaAgent, edge, map, 'll-init', localAddress);
      }
    }
    const wanted = last === null ? playlist.parts.slice(-3) : playlist.parts.filter((part) => after(position(part), last));
    for (const part of wanted) {
      await media(report, mediaAgent, edge, part, 'll-part', localAddress);
      last = position(part);
    }
    if (!playlist.hint) {
      if (report.errors.length < 10) report.errors.push(`${kind} ${path + query}: no preload hint (ended?)`);
      report.kinds[kind].errors++;
      await sleep(1000);
    }
    asked = playlist.hint ? position(playlist.hint) : null;
  }
  playlistAgent.destroy();
  mediaAgent.destroy();
}

async function players(edge, tsPlayers, llPlayers, seconds, localAddress) {
  const report = new Report();
  const deadline = Date.now() + seconds * 1000;
  const all = [];
  const count = tsPlayers + llPlayers;
  const joined = { ts: 0, ll: 0 };
  for (let i = 0; i < count; i++) {
    // the LL players spread evenly among the TS ones; each kind alternates the program and channel 1
    const ll = Math.floor((i + 1) * llPlayers / count) > Math.floor(i * llPlayers / count);
    const onChannel = joined[ll ? 'll' : 'ts']++ % 2 === 1;
    const path = (onChannel ? '/live/1' : '/live') + (ll ? '.ll.m3u8' : '.m3u8');
    const player = ll ? llPlayer : tsPlayer;
    all.push(sleep(2000 * i / count).then(() => player(report, edge, path, deadline, localAddress)));
  }
  await Promise.all(all);
  return Object.assign({ players: joined }, report.json());
}

function last(text, base) {
  const playlist = parse(text, base);
  return playlist.sequence + playlist.segments.length - 1;
}

async function lag(edge, origin, seconds) {
  const agents = [new http.Agent({ keepAlive: true }), new http.Agent({ keepAlive: true })];
  const report = { samples: 0, lags: {}, edgeFirst: null, edgeLast: null, rises: 0, longestUnchangedMs: 0, errors: [] };
  let lastChange = Date.now();
  let previous = null;
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const tick = Date.now();
    const [atEdge, atOrigin] = await Promise.all([get(agents[0], edge + '/live.m3u8'), get(agents[1], origin + '/live.m3u8')]);
    if (atEdge.status !== 200 || atOrigin.status !== 200) {
      if (report.errors.length < 10) report.errors.push(`edge ${atEdge.status}, origin ${atOrigin.status}`);
    } else {
      const seen = last(atEdge.text, edge + '/live.m3u8');
      const truth = last(atOrigin.text, origin + '/live.m3u8');
      report.samples++;
      report.lags[truth - seen] = (report.lags[truth - seen] || 0) + 1;
      if (report.edgeFirst === null) report.edgeFirst = seen;
      if (previous !== null && seen > previous) { report.rises++; lastChange = Date.now(); }
      if (previous !== null && seen < previous && report.errors.length < 10) report.errors.push(`went back from ${previous} to ${seen}`);
      report.longestUnchangedMs = Math.max(report.longestUnchangedMs, Date.now() - lastChange);
      previous = seen;
      report.edgeLast = seen;
    }
    await sleep(Math.max(0, 250 - (Date.now() - tick)));
  }
  agents.forEach((agent) => agent.destroy());
  return report;
}

(mode === 'players' ? players(args[0], Number(args[1]), Number(args[2]), Number(args[3]), args[4]) : lag(args[0], args[1], Number(args[2])))
  .then((report) => console.log(JSON.stringify(report)));
