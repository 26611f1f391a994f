#ifndef LAYERED_VIDEO_COMPUTE_CAPACITY_H
#define LAYERED_VIDEO_COMPUTE_CAPACITY_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ns3
{

/// Parameters of Swift's compute-availability model (Dasari et al., NSDI 2022, Sec. 6).
struct SwiftCapacityParams
{
    double slot_s = 1.0;               ///< one draw per slot
    double mean_competitors = 5.0;     ///< Poisson mean of competing processes per slot
    std::uint32_t max_competitors = 5; ///< the draw is capped here
};

/**
 * \brief The fraction of the client's decoder compute available over time (1 = all of it).
 *
 * Piecewise constant; repeats after its end. Read from a CSV file (`time_s,capacity`, a header
 * then one row per change; each value holds until the next row, the last one as long as the one
 * before it) or generated with Swift's model: per slot, n ~ Poisson(mean) competing processes,
 * capped, sharing the processor equally with the decoder, so the decoder gets 1 / (1 + n).
 */
class ComputeCapacity
{
  public:
    /// Full capacity at all times.
    ComputeCapacity();

    static ComputeCapacity Load(const std::string& path);
    static ComputeCapacity Parse(std::string_view text, const std::string& name);
    /// Swift's model over duration_s, deterministic for a seed on every platform.
    static ComputeCapacity GenerateSwift(double duration_s,
                                         std::uint64_t seed,
                                         const SwiftCapacityParams& params = {});
    /// A constant capacity in (0, 1].
    static ComputeCapacity Constant(double capacity);

    const std::string& GetName() const;
    double GetCapacity(double t_s) const;
    double GetDuration_s() const;
    double GetMean() const;
    std::size_t GetStepCount() const;
    double GetStepStart_s(std::size_t i) const;
    double GetStepValue(std::size_t i) const;

  private:
    void Validate(const std::string& where) const;

    std::string m_name;
    std::vector<double> m_start_s; ///< step starts, m_start_s[0] == 0
    std::vector<double> m_value;   ///< capacity of each step, in (0, 1]
    double m_duration_s = 1;
};

} // namespace ns3

#endif // LAYERED_VIDEO_COMPUTE_CAPACITY_H
