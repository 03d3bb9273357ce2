//
// FoldedConfiguration.h
//

#ifndef restream_host_FoldedConfiguration_INCLUDED
#define restream_host_FoldedConfiguration_INCLUDED

#include <Poco/Util/MapConfiguration.h>

namespace restream::host {

class FoldedConfiguration : public Poco::Util::MapConfiguration
	/// A MapConfiguration whose keys compare case-insensitively: every key is
	/// folded to lower case when stored and when looked up, so a key reads the
	/// same whether it came from an INI file, a .properties file, the
	/// environment or --define. enumerate() returns folded keys.
	/// Threads: as MapConfiguration (reads concurrent with writes need a lock).
{
public:
	FoldedConfiguration() = default;

	static std::string fold(const std::string& key);
		/// Returns key in its canonical (ASCII lower case) form.

protected:
	bool getRaw(const std::string& key, std::string& value) const override;
	void setRaw(const std::string& key, const std::string& value) override;
	void enumerate(const std::string& key, Keys& range) const override;
	void removeRaw(const std::string& key) override;

	~FoldedConfiguration() override = default;
};

} // namespace restream::host

#endif // restream_host_FoldedConfiguration_INCLUDED
