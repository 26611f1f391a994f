// Bjontegaard's average differences between two rate-distortion curves (VCEG-M33, 2001).
#ifndef LVC_METRICS_BJONTEGAARD_H
#define LVC_METRICS_BJONTEGAARD_H

#include <vector>

namespace lvc
{

/// One point of a rate-distortion curve: any rate unit (the same for both curves), PSNR in dB.
struct RdPoint
{
    double rate = 0;
    double psnr_db = 0;
};

/**
 * BD-rate: the mean relative rate difference of `test` against `reference` at equal PSNR over
 * the PSNR range both curves cover. Each curve's log10(rate) is fitted as a cubic polynomial of
 * PSNR (least squares; exact through 4 points), the difference of the two fits is integrated
 * over the common range and averaged, and 10^mean - 1 returned (-0.3: 30 % fewer bits).
 * std::invalid_argument with fewer than 4 points on a curve, a rate <= 0, or no common range.
 */
double BdRate(const std::vector<RdPoint>& reference, const std::vector<RdPoint>& test);

/**
 * BD-PSNR: the mean PSNR difference (dB) of `test` against `reference` at equal rate over the
 * log-rate range both cover, PSNR fitted as a cubic polynomial of log10(rate).
 */
double BdPsnr(const std::vector<RdPoint>& reference, const std::vector<RdPoint>& test);

/// Least-squares polynomial of degree 3 through (x, y): coefficients c0..c3 of y = sum c_i x^i.
std::vector<double> FitCubic(const std::vector<double>& x, const std::vector<double>& y);

} // namespace lvc

#endif // LVC_METRICS_BJONTEGAARD_H
