//
// ServedContent.cpp
//

#include "ServedContent.h"
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace restream::bench {

namespace {

std::string readFile(const std::string& path)
{
	std::ifstream in(path, std::ios::binary);
	if (!in) throw std::runtime_error("cannot read " + path);
	std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
	if (bytes.empty()) throw std::runtime_error(path + " is empty");
	return bytes;
}

} // namespace

ServedContent::ServedContent(const std::string& segmentFile, const std::string& playlistFile):
	_segment(readFile(segmentFile)),
	_playlist(readFile(playlistFile)),
	_segmentResource{_segment, "video/mp2t"},
	_playlistResource{_playlist, "application/vnd.apple.mpegurl"},
	_healthResource{"ok\n", "text/plain"}
{
}

const ServedContent::Resource* ServedContent::find(std::string_view target) const
{
	const std::string_view path = target.substr(0, target.find('?'));
	if (path == "/segment.ts") return &_segmentResource;
	if (path == "/live.m3u8") return &_playlistResource;
	if (path == "/health") return &_healthResource;
	return nullptr;
}

std::vector<const ServedContent::Resource*> ServedContent::resources() const
{
	return {&_segmentResource, &_playlistResource, &_healthResource};
}

} // namespace restream::bench
