//
// AVPointer.h
//
// std::unique_ptr for FFmpeg objects, so that nothing leaks when a
// constructor throws half-way.
//

#ifndef sourcedemo_AVPointer_INCLUDED
#define sourcedemo_AVPointer_INCLUDED

#include <memory>

namespace sourcedemo {

template <class T, void (*freeFunction)(T**)>
struct AVDeleter
	/// Calls one of FFmpeg's free functions, which take the address of the
	/// pointer (av_frame_free(&frame)), as std::unique_ptr wants a deleter.
{
	void operator()(T* pointer) const
	{
		freeFunction(&pointer);
	}
};

template <class T, void (*freeFunction)(T**)>
using AVPointer = std::unique_ptr<T, AVDeleter<T, freeFunction>>;
	/// An FFmpeg object that frees itself, e.g.
	/// AVPointer<AVFrame, av_frame_free> frame(av_frame_alloc());

} // namespace sourcedemo

#endif // sourcedemo_AVPointer_INCLUDED
