//
// xtream-read-buffer.cpp
//
// ReadBuffer, the look-ahead under the guide stream, on any bytes arriving in
// chunks of any size, read through an istream with look-aheads in between.
// The bytes themselves choose the chunk sizes, the look-aheads and the reads,
// so that inputs reach every edge of the buffer. Contract: the reader gets
// exactly the bytes, in order; peek() shows the next ones without
// consuming them; the read function is never asked for nothing.
//

#include "FuzzInput.h"
#include "ReadBuffer.h"
#include <algorithm>
#include <cstring>
#include <istream>

using sourcextream::ReadBuffer;

namespace {

const std::size_t CAPACITY = 32; // small: the input wraps around the buffer many times

}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string input = restreamfuzz::text(data, size);
	std::size_t delivered = 0;
	ReadBuffer buffer(
		[&](char* out, std::streamsize room) -> std::streamsize {
			FUZZ_CHECK(room > 0);
			if (delivered == input.size()) return 0;
			const std::size_t chunk = std::min({static_cast<std::size_t>(room), input.size() - delivered,
				static_cast<std::size_t>(1 + static_cast<unsigned char>(input[delivered]) % 23)});
			std::memcpy(out, input.data() + delivered, chunk);
			delivered += chunk;
			return static_cast<std::streamsize>(chunk);
		},
		CAPACITY);
	std::istream in(&buffer);
	std::size_t consumed = 0;
	char part[2 * CAPACITY];
	while (consumed < input.size())
	{
		const auto control = static_cast<unsigned char>(input[consumed]);
		const std::size_t count = control % (CAPACITY + 1);
		FUZZ_CHECK(buffer.peek(count) == input.substr(consumed, count));
		const std::size_t want = 1 + (control >> 2) % (2 * CAPACITY);
		in.read(part, static_cast<std::streamsize>(want));
		const auto got = static_cast<std::size_t>(in.gcount());
		FUZZ_CHECK(got >= 1 && std::string(part, got) == input.substr(consumed, want));
		consumed += got;
	}
	FUZZ_CHECK(buffer.peek(CAPACITY).empty());
	FUZZ_CHECK(in.get() == std::char_traits<char>::eof());
	return 0;
}
