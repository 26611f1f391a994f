// RAII holders and error text for FFmpeg objects (internal to codec-lib's .cc files).
#ifndef LVC_IO_AV_HOLDERS_H
#define LVC_IO_AV_HOLDERS_H

extern "C"
{
#include <libavcodec/avcodec.h>
#include <libavcodec/bsf.h>
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
#include <libswscale/swscale.h>
}

#include <memory>
#include <string>

namespace lvc
{

/// FFmpeg's text for an AVERROR code.
std::string AvErrorText(int code);

/// libavcodec's version, e.g. "59.37.100".
std::string LibavcodecVersion();

/// A libavcodec/libavformat rational for a frame rate given in frames per second.
AVRational FpsToRational(double fps);

struct InputFormatCloser
{
    void operator()(AVFormatContext* context) const;
};

struct OutputFormatCloser
{
    void operator()(AVFormatContext* context) const;
};

struct CodecContextFreer
{
    void operator()(AVCodecContext* context) const;
};

struct FrameFreer
{
    void operator()(AVFrame* frame) const;
};

struct PacketFreer
{
    void operator()(AVPacket* packet) const;
};

struct SwsFreer
{
    void operator()(SwsContext* context) const;
};

struct BsfFreer
{
    void operator()(AVBSFContext* context) const;
};

using InputFormatPtr = std::unique_ptr<AVFormatContext, InputFormatCloser>;
using OutputFormatPtr = std::unique_ptr<AVFormatContext, OutputFormatCloser>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextFreer>;
using AvFramePtr = std::unique_ptr<AVFrame, FrameFreer>;
using AvPacketPtr = std::unique_ptr<AVPacket, PacketFreer>;
using SwsPtr = std::unique_ptr<SwsContext, SwsFreer>;
using BsfPtr = std::unique_ptr<AVBSFContext, BsfFreer>;

/// Allocates (throws std::bad_alloc when FFmpeg cannot).
AvFramePtr AllocFrame();
AvPacketPtr AllocPacket();

} // namespace lvc

#endif // LVC_IO_AV_HOLDERS_H
