// ChannelList: the categories (a list, a select on phones) with their channel counts, "All channels"
// and "Favourites"; the channels of the chosen one, 50 at a time with "Show more"; a search over
// every channel as you type (debounced, the API searches server side: 50 000 channels stay fast);
// a star per channel (favourites kept on the server), its logo through the admin (/ui/logos/<id>, the
// placeholder when there is none) and one button per channel: Start, Switch when another channel is
// live (one click), Stop on the live one.

const PAGE = 50;
const SEARCH_DELAY_MS = 200;
const ALL = '';
const FAVOURITES = '\u2605';

export class ChannelList {
	constructor(api, t, actions) {
		this.api = api;
		this.t = t;
		this.actions = actions; // { start(channel), stop(), failed(error) }
		const element = (id) => document.getElementById(id);
		this.categoryList = element('categoryList');
		this.categorySelect = element('categorySelect');
		this.list = element('channelList');
		this.title = element('listTitle');
		this.count = element('listCount');
		this.search = element('search');
		this.moreBox = element('moreBox');
		this.more = element('moreButton');
		this.categories = [];
		this.categoryNames = new Map();
		this.favourites = [];
		this.selected = ALL;
		this.query = '';
		this.channels = [];
		this.total = 0;
		this.generation = 0;
		this.live = { streamId: null, busy: false };
		this.searchTimer = null;
		this.pendingFavourites = new Set(); // stream ids whose star's request is on its way

		this.search.addEventListener('input', () => {
			clearTimeout(this.searchTimer);
			this.searchTimer = setTimeout(() => this.setQuery(this.search.value.trim()), SEARCH_DELAY_MS);
		});
		this.search.addEventListener('keydown', (event) => {
			if (event.key === 'Enter') {
				clearTimeout(this.searchTimer);
				this.setQuery(this.search.value.trim());
			}
		});
		this.more.addEventListener('click', () => this.load(true));
		this.categorySelect.addEventListener('change', () => this.select(this.categorySelect.value));
	}

	async init() {
		const [categories, favourites] = await Promise.all([
			this.api.get('/ui/categories').catch((error) => { this.actions.failed(error); return []; }),
			this.api.get('/ui/favourites').catch(() => []),
		]);
		this.categories = categories;
		for (const category of categories) this.categoryNames.set(String(category.category_id), category.category_name);
		this.favourites = favourites;
		this.renderCategories();
		await this.load(false);
	}

	select(categoryId) {
		this.selected = categoryId;
		this.query = '';
		this.search.value = '';
		this.renderCategories();
		this.load(false);
	}

	setQuery(query) {
		if (query === this.query) return;
		this.query = query;
		this.renderCategories();
		this.load(false);
	}

	// Marks the live channel: streamId null when nothing runs; busy while a start or stop is on its way.
	setLive(streamId, busy) {
		this.live = { streamId, busy };
		this.updateRows();
	}

	async load(append) {
		const generation = ++this.generation;
		if (!append) {
			this.channels = [];
			this.total = 0;
			this.list.replaceChildren(this.message(this.t.loading));
			this.moreBox.hidden = true;
		}
		this.title.textContent = this.query ? `${this.t.searchLabel} « ${this.query} »` : this.categoryTitle(this.selected);
		try {
			if (this.selected === FAVOURITES && !this.query) {
				this.channels = this.favourites.slice();
				this.total = this.channels.length;
			} else {
				const parameters = new URLSearchParams({ limit: String(PAGE), offset: String(append ? this.channels.length : 0) });
				if (this.query) parameters.set('search', this.query);
				else if (this.selected !== ALL) parameters.set('category_id', this.selected);
				const answer = await this.api.get('/ui/channels?' + parameters.toString());
				if (generation !== this.generation) return;
				this.channels = this.channels.concat(answer.channels || []);
				this.total = answer.total || 0;
			}
		} catch (error) {
			if (generation !== this.generation) return;
			this.list.replaceChildren(this.message(error.message));
			this.actions.failed(error);
			return;
		}
		this.render();
	}

	render() {
		const rows = this.channels.map((channel) => this.row(channel));
		if (rows.length === 0) {
			rows.push(this.message(this.selected === FAVOURITES && !this.query ? this.t.noFavourites : this.t.noChannels));
		}
		this.list.replaceChildren(...rows);
		this.count.textContent = this.t.channelCount.replace('{shown}', this.channels.length).replace('{total}', this.total);
		this.moreBox.hidden = this.channels.length >= this.total;
	}

	renderCategories() {
		const entries = [
			{ id: ALL, name: this.t.allChannels, count: this.categories.reduce((sum, c) => sum + (c.channel_count || 0), 0) },
			{ id: FAVOURITES, name: '\u2605 ' + this.t.favourites, count: this.favourites.length },
			...this.categories.map((c) => ({ id: String(c.category_id), name: c.category_name, count: c.channel_count })),
		];
		const current = this.query ? null : this.selected;
		this.categoryList.replaceChildren(...entries.map((entry) => {
			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'list-group-item list-group-item-action' + (entry.id === current ? ' active' : '');
			button.dataset.category = entry.id;
			if (entry.id === current) button.setAttribute('aria-current', 'true');
			const name = document.createElement('span');
			name.className = 'text-truncate';
			name.textContent = entry.name;
			const badge = document.createElement('span');
			badge.className = 'badge rounded-pill ' + (entry.id === current ? 'text-bg-light' : 'text-bg-secondary');
			badge.textContent = String(entry.count ?? 0);
			button.append(name, badge);
			button.addEventListener('click', () => this.select(entry.id));
			return button;
		}));
		this.categorySelect.replaceChildren(...entries.map((entry) => {
			const option = document.createElement('option');
			option.value = entry.id;
			option.textContent = `${entry.name} (${entry.count ?? 0})`;
			option.selected = entry.id === this.selected;
			return option;
		}));
	}

	categoryTitle(id) {
		if (id === ALL) return this.t.allChannels;
		if (id === FAVOURITES) return this.t.favourites;
		return this.categoryNames.get(id) || id;
	}

	message(text) {
		const item = document.createElement('li');
		item.className = 'list-group-item text-body-secondary';
		item.textContent = text;
		return item;
	}

	row(channel) {
		const item = document.createElement('li');
		item.className = 'list-group-item channel';
		item.channel = channel;
		item.dataset.streamId = String(channel.stream_id);

		let logo;
		if (channel.stream_icon) {
			// through the admin, which has restream fetch and check it: the browser never asks the provider's URL
			logo = document.createElement('img');
			logo.className = 'channel-logo';
			logo.alt = '';
			logo.loading = 'lazy';
			logo.src = '/ui/logos/' + channel.stream_id;
			logo.addEventListener('error', () => logo.replaceWith(this.placeholder(channel)), { once: true });
		} else {
			logo = this.placeholder(channel);
		}

		const text = document.createElement('div');
		text.className = 'min-w-0 me-auto';
		const name = document.createElement('div');
		name.className = 'channel-name';
		name.textContent = channel.name;
		const meta = document.createElement('div');
		meta.className = 'channel-meta';
		meta.textContent = this.categoryNames.get(String(channel.category_id)) || '';
		text.append(name, meta);

		const actions = document.createElement('div');
		actions.className = 'channel-actions';
		const star = document.createElement('button');
		star.type = 'button';
		star.className = 'star';
		star.addEventListener('click', () => this.toggleFavourite(channel));
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'btn btn-sm btn-action';
		button.addEventListener('click', () => {
			if (this.live.streamId === channel.stream_id) this.actions.stop();
			else this.actions.start(channel);
		});
		actions.append(star, button);
		item.append(logo, text, actions);
		this.updateRow(item);
		return item;
	}

	placeholder(channel) {
		const box = document.createElement('div');
		box.className = 'channel-logo channel-logo-placeholder';
		box.textContent = (channel.name || '?').trim().slice(0, 2);
		return box;
	}

	updateRow(item) {
		const channel = item.channel;
		const isLive = this.live.streamId === channel.stream_id;
		item.classList.toggle('is-live', isLive);
		const [star, button] = item.querySelector('.channel-actions').children;
		const favourite = this.favourites.some((f) => f.stream_id === channel.stream_id);
		star.textContent = favourite ? '\u2605' : '\u2606';
		star.setAttribute('aria-pressed', String(favourite));
		star.title = favourite ? this.t.removeFavourite : this.t.addFavourite;
		star.setAttribute('aria-label', star.title);
		star.disabled = this.pendingFavourites.has(channel.stream_id);
		button.className = 'btn btn-sm btn-action ' + (isLive ? 'btn-outline-danger' : 'btn-primary');
		button.textContent = isLive ? this.t.stop : (this.live.streamId !== null ? this.t.switch : this.t.start);
		button.dataset.action = isLive ? 'stop' : (this.live.streamId !== null ? 'switch' : 'start');
		button.disabled = this.live.busy;
	}

	async toggleFavourite(channel) {
		if (this.pendingFavourites.has(channel.stream_id)) return;
		const favourite = !this.favourites.some((f) => f.stream_id === channel.stream_id);
		this.pendingFavourites.add(channel.stream_id);
		this.updateRows();
		try {
			this.favourites = await this.api.post('/ui/favourites', {
				channel: {
					stream_id: channel.stream_id,
					name: channel.name,
					stream_icon: /^https?:\/\//i.test(channel.stream_icon || '') ? channel.stream_icon : '',
					category_id: String(channel.category_id ?? ''),
				},
				favourite,
			});
		} catch (error) {
			this.actions.failed(error);
			return;
		} finally {
			this.pendingFavourites.delete(channel.stream_id);
			this.updateRows();
		}
		this.renderCategories();
		if (this.selected === FAVOURITES && !this.query) this.load(false);
	}

	updateRows() {
		for (const row of this.list.children) if (row.channel) this.updateRow(row);
	}
}
