#include "test-support.h"

#include "ns3/compute-capacity.h"
#include "ns3/input-error.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace ns3;

namespace
{
std::string
ParseError(const std::string& text)
{
    try
    {
        ComputeCapacity::Parse(text, "cap.csv");
    }
    catch (const InputError& e)
    {
        return e.what();
    }
    return "";
}
} // namespace

TEST(ComputeCapacity, ReadsCsvStepsAndRepeats)
{
    ComputeCapacity c = ComputeCapacity::Parse("time_s,capacity\n0,1\n2,0.5\n3,0.25\n", "cap.csv");
    EXPECT_DOUBLE_EQ(c.GetDuration_s(), 4);
    EXPECT_DOUBLE_EQ(c.GetCapacity(1.9), 1);
    EXPECT_DOUBLE_EQ(c.GetCapacity(2.5), 0.5);
    EXPECT_DOUBLE_EQ(c.GetCapacity(3.5), 0.25);
    EXPECT_DOUBLE_EQ(c.GetCapacity(4.5), 1); // repeats
    EXPECT_DOUBLE_EQ(c.GetMean(), (2 * 1 + 0.5 + 0.25) / 4);
}

TEST(ComputeCapacity, SwiftGeneratorIsSeededAndHasTheModelsMean)
{
    SwiftCapacityParams params;
    ComputeCapacity a = ComputeCapacity::GenerateSwift(20000, 7, params);
    ComputeCapacity b = ComputeCapacity::GenerateSwift(20000, 7, params);
    ComputeCapacity other = ComputeCapacity::GenerateSwift(20000, 8, params);
    ASSERT_EQ(a.GetStepCount(), 20000u);
    bool differs = false;
    for (std::size_t i = 0; i < a.GetStepCount(); ++i)
    {
        ASSERT_EQ(a.GetStepValue(i), b.GetStepValue(i));
        differs = differs || a.GetStepValue(i) != other.GetStepValue(i);
        // Values are 1 / (1 + n) for n in 0..5.
        double n = 1 / a.GetStepValue(i) - 1;
        EXPECT_NEAR(n, std::round(n), 1e-9);
        EXPECT_LE(std::round(n), 5);
    }
    EXPECT_TRUE(differs);
    // E[1 / (1 + min(N, 5))] for N ~ Poisson(5), computed from the distribution.
    double expected = 0;
    double tail = 1;
    for (int k = 0; k < 5; ++k)
    {
        double p = std::exp(-5.0) * std::pow(5.0, k) / std::tgamma(k + 1.0);
        expected += p / (1 + k);
        tail -= p;
    }
    expected += tail / 6;
    EXPECT_NEAR(a.GetMean(), expected, 0.005);
}

TEST(ComputeCapacity, BadInputNamesTheFileAndLine)
{
    EXPECT_NE(ParseError("").find("cap.csv: the file is empty"), std::string::npos);
    EXPECT_NE(ParseError("t,c\n0,1\n").find("cap.csv:1: expected the header"), std::string::npos);
    EXPECT_NE(ParseError("time_s,capacity\n").find("no rows"), std::string::npos);
    EXPECT_NE(
        ParseError("time_s,capacity\n0,1\n1,1.5\n").find("cap.csv:3: capacity must be in (0, 1]"),
        std::string::npos);
    EXPECT_NE(
        ParseError("time_s,capacity\n0,1\n1,0\n").find("cap.csv:3: capacity must be in (0, 1]"),
        std::string::npos);
    EXPECT_NE(ParseError("time_s,capacity\n0,1\n2,1\n1,1\n").find("cap.csv:4: time must increase"),
              std::string::npos);
    EXPECT_NE(ParseError("time_s,capacity\n0,x\n").find("cap.csv:2: capacity is not a number"),
              std::string::npos);
    EXPECT_THROW(ComputeCapacity::Load("/nonexistent/cap.csv"), InputError);
}
