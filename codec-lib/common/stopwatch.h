// Wall time of a piece of work, as the profile tool measures decode and encode times.
#ifndef LVC_COMMON_STOPWATCH_H
#define LVC_COMMON_STOPWATCH_H

#include <chrono>

namespace lvc
{

/// Started when made (and by Restart); Milliseconds() or Seconds() since then, steady clock.
class Stopwatch
{
  public:
    Stopwatch()
        : m_start(std::chrono::steady_clock::now())
    {
    }

    void Restart()
    {
        m_start = std::chrono::steady_clock::now();
    }

    double Milliseconds() const
    {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start)
            .count();
    }

    double Seconds() const
    {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    }

  private:
    std::chrono::steady_clock::time_point m_start;
};

} // namespace lvc

#endif // LVC_COMMON_STOPWATCH_H
