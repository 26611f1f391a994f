#include "bitstream/chunk-layers.h"

#include <stdexcept>

namespace lvc
{

std::vector<std::vector<std::uint8_t>>
EncodeChunkLayers(const std::vector<FrameCodes>& codes, const CodeContextOptions& options)
{
    std::vector<std::vector<std::uint8_t>> payloads;
    if (codes.empty())
    {
        return payloads;
    }
    const std::size_t layers = codes[0].size();
    std::vector<BinaryCode> previous;
    for (std::size_t j = 0; j < layers; ++j)
    {
        std::vector<BinaryCode> layer;
        for (const FrameCodes& frame : codes)
        {
            if (frame.size() != layers)
            {
                throw std::invalid_argument("chunk layers: frames with different layer counts");
            }
            layer.push_back(frame[j]);
        }
        payloads.push_back(EncodeCodeLayer(layer, j == 0 ? nullptr : &previous, options));
        previous = std::move(layer);
    }
    return payloads;
}

std::vector<FrameCodes>
DecodeChunkLayers(const std::vector<std::vector<std::uint8_t>>& payloads,
                  const std::vector<CodeShape>& shapes,
                  const CodeContextOptions& options)
{
    std::vector<FrameCodes> codes(shapes.size());
    std::vector<BinaryCode> previous;
    for (std::size_t j = 0; j < payloads.size(); ++j)
    {
        std::vector<BinaryCode> layer = DecodeCodeLayer(payloads[j].data(),
                                                        payloads[j].size(),
                                                        shapes,
                                                        j == 0 ? nullptr : &previous,
                                                        options);
        for (std::size_t f = 0; f < shapes.size(); ++f)
        {
            codes[f].push_back(layer[f]);
        }
        previous = std::move(layer);
    }
    return codes;
}

} // namespace lvc
