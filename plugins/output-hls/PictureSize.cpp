//
// PictureSize.cpp
//

#include "PictureSize.h"

extern "C" {
#include <libavcodec/avcodec.h>
}

namespace outputhls {

bool PictureSize::fill(AVCodecParameters& parameters, const AVPacket& keyframe)
{
	if (parameters.width > 0 && parameters.height > 0) return true;
	AVCodecParserContext* parser = av_parser_init(parameters.codec_id);
	AVCodecContext* codec = avcodec_alloc_context3(nullptr);
	if (parser && codec)
	{
		parser->flags |= PARSER_FLAG_COMPLETE_FRAMES;  // one packet is one access unit
		uint8_t* output = nullptr;
		int outputSize = 0;
		av_parser_parse2(parser, codec, &output, &outputSize, keyframe.data, keyframe.size, keyframe.pts, keyframe.dts, keyframe.pos);
		if (parser->width > 0 && parser->height > 0)
		{
			parameters.width = parser->width;
			parameters.height = parser->height;
		}
	}
	av_parser_close(parser);
	avcodec_free_context(&codec);
	return parameters.width > 0 && parameters.height > 0;
}

} // namespace outputhls
