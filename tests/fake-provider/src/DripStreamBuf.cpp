//
// DripStreamBuf.cpp
//
// Library: fakeprovider
//


#include "DripStreamBuf.h"


namespace fakeprovider {


DripStreamBuf::DripStreamBuf(std::ostream& target, Pause pause):
	_target(target),
	_pause(std::move(pause))
{
}


int DripStreamBuf::overflow(int c)
{
	if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
	_target.put(traits_type::to_char_type(c));
	_target.flush();
	if (!_target || _pause()) return traits_type::eof();
	return c;
}


} // namespace fakeprovider
