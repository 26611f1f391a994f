#include "wavelet/embedded-coder.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <tuple>

namespace lvc
{

namespace
{

int
BandClass(Orientation o)
{
    switch (o)
    {
    case Orientation::kLL:
        return 0;
    case Orientation::kHH:
        return 2;
    default:
        return 1;
    }
}

int
CeilShift(int v, int t)
{
    return (v + (1 << t) - 1) >> t;
}

} // namespace

namespace
{
constexpr float kMixerRate = 0.002F;
/// Weight sets: leaves and nodes, each per model context (band class x chroma x intra).
constexpr int kMixerSets = 2 * 12;
} // namespace

EmbeddedCoder::EmbeddedCoder(const std::vector<CodedImageSpec>& images,
                             float step,
                             ContextModel model)
    : m_images(images),
      m_step(step),
      m_context_model(model),
      m_mixer(kMixerSets, LogisticMixer::Weights{1.0F, 0.0F, 0.0F, 0.0F}, kMixerRate)
{
    if (!(step > 0))
    {
        throw std::invalid_argument("embedded coder: the step must be positive");
    }
    // Bands of every image, with their depth (0: LL, then from the coarsest details).
    std::vector<std::tuple<int, int, int, int>> keys; // depth, image, orientation, band index
    for (std::size_t i = 0; i < images.size(); ++i)
    {
        const CodedImageSpec& spec = images[i];
        const std::size_t first = m_bands.size();
        for (const Subband& s : SubbandsOf(spec.width, spec.height, spec.levels))
        {
            Band b;
            b.image = static_cast<int>(i);
            b.band = s;
            b.scale = static_cast<float>(
                spec.weight * (spec.levels == 0 ? 1.0 : SynthesisGain(s.level, s.orientation)));
            b.context = BandClass(s.orientation) * 4 + (spec.chroma ? 2 : 0) + (spec.intra ? 1 : 0);
            const std::size_t n =
                static_cast<std::size_t>(s.width) * static_cast<std::size_t>(s.height);
            b.q.assign(n, 0);
            b.negative.assign(n, 0);
            int t = 0;
            while (true)
            {
                b.level_width.push_back(CeilShift(s.width, t));
                b.level_height.push_back(CeilShift(s.height, t));
                b.significant_node.emplace_back(static_cast<std::size_t>(b.level_width.back()) *
                                                    b.level_height.back(),
                                                0);
                if (b.level_width.back() == 1 && b.level_height.back() == 1)
                {
                    break;
                }
                ++t;
            }
            const int depth = s.orientation == Orientation::kLL ? 0 : spec.levels - s.level + 1;
            keys.emplace_back(depth,
                              static_cast<int>(i),
                              static_cast<int>(s.orientation),
                              static_cast<int>(m_bands.size()));
            m_bands.push_back(std::move(b));
        }
        // Parents: the same orientation one level coarser, in the same image.
        for (std::size_t j = first; j < m_bands.size(); ++j)
        {
            for (std::size_t k = first; k < m_bands.size(); ++k)
            {
                if (m_bands[j].band.orientation != Orientation::kLL &&
                    m_bands[k].band.orientation == m_bands[j].band.orientation &&
                    m_bands[k].band.level == m_bands[j].band.level + 1)
                {
                    m_bands[j].parent = static_cast<int>(k);
                }
            }
        }
    }
    std::sort(keys.begin(), keys.end());
    for (const auto& key : keys)
    {
        m_order.push_back(std::get<3>(key));
    }
}

std::size_t
EmbeddedCoder::BandCount() const
{
    return m_bands.size();
}

std::size_t
EmbeddedCoder::UnitCount() const
{
    return static_cast<std::size_t>(m_top_plane + 1) * m_bands.size();
}

int
EmbeddedCoder::TopPlane() const
{
    return m_top_plane;
}

void
EmbeddedCoder::SetTopPlane(int plane)
{
    if (plane < 0 || plane > kMaxTopPlane)
    {
        throw std::invalid_argument("embedded coder: top plane out of range");
    }
    m_top_plane = plane;
}

std::size_t
EmbeddedCoder::UnitsCoded() const
{
    return m_units_coded;
}

int
EmbeddedCoder::LastCodedPlane() const
{
    if (m_units_coded == 0)
    {
        return m_top_plane + 1;
    }
    return m_top_plane - static_cast<int>((m_units_coded - 1) / m_bands.size());
}

void
EmbeddedCoder::Quantise(const std::vector<FloatPlane>& coefficients)
{
    if (coefficients.size() != m_images.size())
    {
        throw std::invalid_argument("embedded coder: one coefficient plane per image expected");
    }
    const auto cap = static_cast<double>(1U << kMaxTopPlane);
    std::uint32_t all_max = 0;
    for (Band& b : m_bands)
    {
        const FloatPlane& plane = coefficients[static_cast<std::size_t>(b.image)];
        const CodedImageSpec& spec = m_images[static_cast<std::size_t>(b.image)];
        if (plane.width != spec.width || plane.height != spec.height)
        {
            throw std::invalid_argument("embedded coder: a plane of the wrong size");
        }
        const double factor = static_cast<double>(b.scale) / m_step;
        for (int y = 0; y < b.band.height; ++y)
        {
            for (int x = 0; x < b.band.width; ++x)
            {
                const float c = plane.At(b.band.x0 + x, b.band.y0 + y);
                const double m = std::min(std::floor(std::fabs(c) * factor), cap - 1);
                const std::size_t i = static_cast<std::size_t>(y) * b.band.width + x;
                b.q[i] = static_cast<std::uint32_t>(m);
                b.negative[i] = c < 0 ? 1 : 0;
            }
        }
        // Max pyramid for the quadtree's significance tests.
        b.node_max.clear();
        b.node_max.emplace_back(b.q);
        for (std::size_t t = 1; t < b.level_width.size(); ++t)
        {
            const std::vector<std::uint32_t>& below = b.node_max[t - 1];
            const int bw = b.level_width[t - 1];
            const int bh = b.level_height[t - 1];
            std::vector<std::uint32_t> level(static_cast<std::size_t>(b.level_width[t]) *
                                                 b.level_height[t],
                                             0);
            for (int y = 0; y < bh; ++y)
            {
                for (int x = 0; x < bw; ++x)
                {
                    std::uint32_t& m =
                        level[static_cast<std::size_t>(y / 2) * b.level_width[t] + x / 2];
                    m = std::max(m, below[static_cast<std::size_t>(y) * bw + x]);
                }
            }
            b.node_max.push_back(std::move(level));
        }
        all_max = std::max(all_max, b.node_max.back()[0]);
    }
    int top = 0;
    while (top < kMaxTopPlane && (all_max >> (top + 1)) != 0)
    {
        ++top;
    }
    m_top_plane = top;
}

int
EmbeddedCoder::MagnitudeClass(const Band& b, std::size_t index, int plane, int known_from) const
{
    if (!b.significant_node[0][index])
    {
        return 0;
    }
    const std::uint32_t known = std::max(b.q[index] & ~((1U << known_from) - 1U), 1U << plane);
    int log = 0;
    while ((known >> (plane + log + 1)) != 0 && log < 3)
    {
        ++log;
    }
    return 1 + log;
}

int
EmbeddedCoder::ParentMagnitudeClass(const Band& b, int x, int y, int plane) const
{
    if (b.parent < 0)
    {
        return 0;
    }
    const Band& p = m_bands[static_cast<std::size_t>(b.parent)];
    const int px = x / 2;
    const int py = y / 2;
    if (px >= p.band.width || py >= p.band.height)
    {
        return 0;
    }
    // The parent band's unit of this plane is complete: its bits from `plane` up are known.
    return MagnitudeClass(p, static_cast<std::size_t>(py) * p.band.width + px, plane, plane);
}

int
EmbeddedCoder::ParentNodeState(const Band& b, int t, int x, int y) const
{
    // The parent band's node covering the same area (level t - 1) and the one covering twice
    // as much (level t): 0..3.
    if (b.parent < 0)
    {
        return 0;
    }
    const Band& p = m_bands[static_cast<std::size_t>(b.parent)];
    auto sig = [&](int level, int nx, int ny) -> int {
        if (level < 0 || level >= static_cast<int>(p.level_width.size()) ||
            nx >= p.level_width[level] || ny >= p.level_height[level])
        {
            return 0;
        }
        return p.significant_node[level][static_cast<std::size_t>(ny) * p.level_width[level] + nx];
    };
    return sig(t - 1, x, y) + 2 * sig(t, x / 2, y / 2);
}

int
EmbeddedCoder::ParentState(const Band& b, int t, int x, int y) const
{
    if (b.parent < 0)
    {
        return 0;
    }
    const Band& p = m_bands[static_cast<std::size_t>(b.parent)];
    const int pt = std::max(t - 1, 0);
    const int px = t == 0 ? x / 2 : x;
    const int py = t == 0 ? y / 2 : y;
    if (pt >= static_cast<int>(p.level_width.size()) || px >= p.level_width[pt] ||
        py >= p.level_height[pt])
    {
        return 1;
    }
    return 1 + p.significant_node[pt][static_cast<std::size_t>(py) * p.level_width[pt] + px];
}

void
EmbeddedCoder::Visit(Band& b, int t, int x, int y, int plane, bool inferred, SymbolCoder& io)
{
    const int w = b.level_width[t];
    const int h = b.level_height[t];
    std::vector<std::uint8_t>& sig = b.significant_node[t];
    const std::size_t index = static_cast<std::size_t>(y) * w + x;
    const std::uint32_t threshold = 1U << plane;
    bool newly = false;
    if (!sig[index])
    {
        int bit = 1;
        if (!inferred)
        {
            auto at = [&](int dx, int dy) -> int {
                const int nx = x + dx;
                const int ny = y + dy;
                return nx >= 0 && ny >= 0 && nx < w && ny < h
                           ? sig[static_cast<std::size_t>(ny) * w + nx]
                           : 0;
            };
            const int n4 = at(-1, 0) + at(1, 0) + at(0, -1) + at(0, 1);
            const int parent = ParentState(b, t, x, y);
            const int want = io.Encoding() ? (b.node_max[t][index] >= threshold ? 1 : 0) : 0;
            const int nd = at(-1, -1) + at(1, -1) + at(-1, 1) + at(1, 1);
            AdaptiveBitModel* models[3] = {nullptr, nullptr, nullptr};
            const bool mixing = m_context_model == ContextModel::kMixing;
            if (t == 0)
            {
                models[0] = &m_models.leaf[b.context][static_cast<std::size_t>(
                    (std::min(n4, 3) * 3 + std::min(nd, 2)) * 3 + parent)];
                if (mixing)
                {
                    // Neighbours' magnitudes as a decoder knows them now: bits from plane + 1 up,
                    // and bit `plane` of those that became significant in this unit.
                    int magnitude = 0;
                    for (int dy = -1; dy <= 1; ++dy)
                    {
                        for (int dx = -1; dx <= 1; ++dx)
                        {
                            const int nx = x + dx;
                            const int ny = y + dy;
                            if ((dx != 0 || dy != 0) && nx >= 0 && ny >= 0 && nx < w && ny < h)
                            {
                                magnitude += MagnitudeClass(b,
                                                            static_cast<std::size_t>(ny) * w + nx,
                                                            plane,
                                                            plane + 1);
                            }
                        }
                    }
                    const int parent_class = ParentMagnitudeClass(b, x, y, plane);
                    const int level = std::min(b.band.level, 3) - 1;
                    models[1] = &m_models.leaf_magnitude[b.context][static_cast<std::size_t>(
                        std::min(magnitude, 15) * 2 + (parent > 1 ? 1 : 0))];
                    models[2] = &m_models.leaf_parent[b.context][static_cast<std::size_t>(
                        (parent_class * 3 + std::min(n4, 2)) * 3 + level)];
                }
            }
            else
            {
                const int tt = std::min(t, 4) - 1;
                models[0] = &m_models.node[b.context][static_cast<std::size_t>(
                    (tt * 3 + std::min(n4, 2)) * 3 + parent)];
                if (mixing)
                {
                    models[1] = &m_models.node_neighbourhood[b.context][static_cast<std::size_t>(
                        tt * 5 + std::min(n4 + nd, 4))];
                    models[2] = &m_models.node_parent[b.context][static_cast<std::size_t>(
                        tt * 4 + ParentNodeState(b, t, x, y))];
                }
            }
            if (!mixing)
            {
                bit = io.Code(*models[0], want);
            }
            else
            {
                const std::uint32_t p1 =
                    m_mixer.Mix((t == 0 ? 0 : Models::kContexts) + b.context,
                                LogisticMixer::Weights{Stretch(models[0]->P1()),
                                                       Stretch(models[1]->P1()),
                                                       Stretch(models[2]->P1()),
                                                       1.0F});
                bit = io.CodeWithProbability(p1, want);
                m_mixer.Update(bit);
                for (AdaptiveBitModel* m : models)
                {
                    m->Update(bit);
                }
            }
        }
        if (!bit)
        {
            return;
        }
        sig[index] = 1;
        newly = true;
        if (t == 0)
        {
            // Sign, in the context of the left and upper neighbours' signs.
            auto sign_state = [&](int nx, int ny) -> int {
                if (nx < 0 || ny < 0 || !sig[static_cast<std::size_t>(ny) * w + nx])
                {
                    return 0;
                }
                return 1 + b.negative[static_cast<std::size_t>(ny) * w + nx];
            };
            const int c = sign_state(x - 1, y) * 3 + sign_state(x, y - 1);
            const int negative = io.Code(m_models.sign[b.context][c], b.negative[index]);
            if (!io.Encoding())
            {
                b.negative[index] = static_cast<std::uint8_t>(negative);
                b.q[index] = threshold;
            }
            b.significant.push_back(static_cast<std::uint32_t>(index));
            return;
        }
    }
    else if (t == 0)
    {
        return;
    }
    // Children: the four nodes one level down that exist; when this node has just become
    // significant and the others are not, the last one must be.
    const int cw = b.level_width[t - 1];
    const int ch = b.level_height[t - 1];
    std::array<std::pair<int, int>, 4> children{};
    int count = 0;
    for (int dy = 0; dy < 2; ++dy)
    {
        for (int dx = 0; dx < 2; ++dx)
        {
            const int cx = 2 * x + dx;
            const int cy = 2 * y + dy;
            if (cx < cw && cy < ch)
            {
                children[static_cast<std::size_t>(count++)] = {cx, cy};
            }
        }
    }
    const std::vector<std::uint8_t>& child_sig = b.significant_node[t - 1];
    for (int i = 0; i < count; ++i)
    {
        const auto [cx, cy] = children[static_cast<std::size_t>(i)];
        bool infer = false;
        if (newly && i == count - 1)
        {
            infer = true;
            for (int j = 0; j < i; ++j)
            {
                const auto [ox, oy] = children[static_cast<std::size_t>(j)];
                if (child_sig[static_cast<std::size_t>(oy) * cw + ox])
                {
                    infer = false;
                }
            }
        }
        Visit(b, t - 1, cx, cy, plane, infer, io);
    }
}

void
EmbeddedCoder::CodeUnit(std::size_t unit, SymbolCoder& io)
{
    if (unit != m_units_coded || unit >= UnitCount())
    {
        throw std::logic_error("embedded coder: units must be coded in order");
    }
    const int plane = m_top_plane - static_cast<int>(unit / m_bands.size());
    Band& b = m_bands[static_cast<std::size_t>(m_order[unit % m_bands.size()])];
    const std::size_t refine_count = b.significant.size();
    const int top = static_cast<int>(b.level_width.size()) - 1;
    Visit(b, top, 0, 0, plane, false, io);
    const int w = b.band.width;
    const int h = b.band.height;
    const std::vector<std::uint8_t>& sig = b.significant_node[0];
    for (std::size_t i = 0; i < refine_count; ++i)
    {
        const std::uint32_t index = b.significant[i];
        const int x = static_cast<int>(index % static_cast<std::uint32_t>(w));
        const int y = static_cast<int>(index / static_cast<std::uint32_t>(w));
        const int neighbours = (x > 0 && sig[index - 1]) || (x + 1 < w && sig[index + 1]) ||
                               (y > 0 && sig[index - w]) || (y + 1 < h && sig[index + w]);
        const int first = (b.q[index] >> (plane + 1)) == 1 ? 1 : 0;
        const int bit = io.Code(m_models.refine[b.context][first * 2 + neighbours],
                                static_cast<int>((b.q[index] >> plane) & 1U));
        if (!io.Encoding() && bit)
        {
            b.q[index] |= 1U << plane;
        }
    }
    b.coded_plane = plane;
    ++m_units_coded;
}

std::vector<FloatPlane>
EmbeddedCoder::Dequantise() const
{
    std::vector<FloatPlane> out;
    for (const CodedImageSpec& spec : m_images)
    {
        out.emplace_back(spec.width, spec.height);
    }
    for (const Band& b : m_bands)
    {
        if (b.coded_plane < 0)
        {
            continue;
        }
        FloatPlane& plane = out[static_cast<std::size_t>(b.image)];
        const double unit = m_step / static_cast<double>(b.scale);
        const std::uint32_t mask = ~((1U << b.coded_plane) - 1U);
        const double offset = 0.5 * static_cast<double>(1U << b.coded_plane);
        for (std::uint32_t index : b.significant)
        {
            const double magnitude = (static_cast<double>(b.q[index] & mask) + offset) * unit;
            const int x = static_cast<int>(index % static_cast<std::uint32_t>(b.band.width));
            const int y = static_cast<int>(index / static_cast<std::uint32_t>(b.band.width));
            plane.At(b.band.x0 + x, b.band.y0 + y) =
                static_cast<float>(b.negative[index] ? -magnitude : magnitude);
        }
    }
    return out;
}

} // namespace lvc
