// The admin dashboard: channels and categories, start / switch / stop, the live status (polled,
// no reload), the share URLs the API gives with copy buttons, a muted preview and the provider
// account. All data comes from the admin's own /ui/... endpoints; the API token never reaches the
// browser.

import strings from './strings.json';
import { AdminApi, SessionEnded } from './AdminApi.js';
import { ChannelList } from './ChannelList.js';
import { describeStartFailure } from './ErrorSentences.js';
import { PreviewPlayer } from './PreviewPlayer.js';
import { SharePanel } from './SharePanel.js';
import { StatusPanel } from './StatusPanel.js';
import { TunerPanel } from './TunerPanel.js';

const BUSY_POLL_MS = 1000;
const POLL_MS = 2000;
const ACCOUNT_POLL_MS = 60000;
const RUNNING_POLL_MS = 5000;

function start() {
	const t = strings[document.documentElement.lang] || strings.en;
	const element = (id) => document.getElementById(id);
	const api = new AdminApi(document.querySelector('meta[name="csrf-token"]').content);
	const panel = new StatusPanel(t);
	const share = new SharePanel(element('shareList'), element('shareEmpty'), t);
	const tuner = new TunerPanel(element('tunerCard'), element('tunersInUse'), t);
	const preview = new PreviewPlayer(element('preview'));
	const previewCard = element('previewCard');
	let busy = false;
	let pollTimer = null;
	let liveId = null;

	const failed = (error) => {
		if (error instanceof SessionEnded) return;
		panel.showActionError(error.message);
	};

	const showStatus = (status) => {
		liveId = status.active ? status.stream_id : null;
		panel.show(status);
		share.show(status);
		channels.setLive(liveId, busy);
		if (status.active && status.state === 'live') {
			previewCard.hidden = false;
			preview.follow(status.stream_id);
		} else if (!status.active) {
			previewCard.hidden = true;
			preview.stop();
		}
	};

	// One poll loop: each poll has a number and only the latest one may show its answer and schedule the
	// next (exactly one timer); an action invalidates the polls on their way, whose answers predate it.
	let pollSeq = 0;
	const cancelPolls = () => {
		pollSeq += 1;
		clearTimeout(pollTimer);
		pollTimer = null;
	};

	const poll = async () => {
		cancelPolls();
		const seq = pollSeq;
		let next = POLL_MS;
		try {
			const status = await api.get('/ui/status');
			if (seq !== pollSeq) return;
			showStatus(status);
			if (status.state === 'starting' || status.state === 'reconnecting') next = BUSY_POLL_MS;
			if (element('actionError').dataset.source === 'poll') panel.showActionError('');
		} catch (error) {
			if (seq !== pollSeq || error instanceof SessionEnded) return;
			panel.showActionError(error.status === 502 ? t.apiDown : error.message);
			element('actionError').dataset.source = 'poll';
			next = POLL_MS * 2;
		}
		pollTimer = setTimeout(poll, next);
	};

	const act = async (path, body, onError) => {
		cancelPolls();
		busy = true;
		channels.setLive(liveId, busy);
		element('stopButton').disabled = true;
		panel.showActionError('');
		element('actionError').dataset.source = 'action';
		try {
			await api.post(path, body);
		} catch (error) {
			if (!(error instanceof SessionEnded)) panel.showActionError(onError(error));
		} finally {
			busy = false;
			element('stopButton').disabled = false;
			poll();
		}
	};

	const actions = {
		start: (channel) => act('/ui/start', { stream_id: channel.stream_id },
			(error) => describeStartFailure(error, t)),
		stop: () => act('/ui/stop', {}, (error) => error.message),
		failed,
	};
	const channels = new ChannelList(api, t, actions);
	element('stopButton').addEventListener('click', actions.stop);

	const showAccount = async () => {
		const set = (id, text) => { element(id).textContent = text; };
		try {
			const account = await api.get('/ui/account');
			set('accountStatus', account.status || t.unavailable);
			set('accountExpiry', account.expires_at
				? new Date(account.expires_at).toLocaleDateString(document.documentElement.lang, { year: 'numeric', month: 'long', day: 'numeric' })
				: t.never);
			const max = account.max_connections ? String(account.max_connections) : '∞';
			set('accountConnections', `${account.active_connections ?? 0} / ${max}` + (account.is_trial ? ` (${t.accountTrial})` : ''));
		} catch (error) {
			if (error instanceof SessionEnded) return;
			set('accountStatus', t.unavailable);
		}
		setTimeout(showAccount, ACCOUNT_POLL_MS);
	};

	const showRunning = async () => {
		try {
			tuner.show(await api.get('/ui/running'));
		} catch (error) {
			if (error instanceof SessionEnded) return;
		}
		setTimeout(showRunning, RUNNING_POLL_MS);
	};

	channels.init();
	poll();
	showAccount();
	showRunning();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
