#!/usr/bin/env bash
# Plots an abr-train progress.csv: the running mean QoE of the training episodes and the
# validation QoE (greedy policy on the held-out training traces) against PPO iterations.
# Usage: plot-learning-curve.sh PROGRESS_CSV OUT_PNG [TITLE]
set -euo pipefail
csv=$1
png=$2
title=${3:-learning curve}
col() { head -1 "$csv" | tr ',' '\n' | grep -nx "$1" | cut -d: -f1; }
iteration=$(col iteration); running=$(col running_qoe); validation=$(col validation_qoe)
last=$(tail -1 "$csv" | cut -d, -f"$(col wall_s)")
gnuplot <<GP
set terminal pngcairo size 800,500 noenhanced
set output '$png'
set datafile separator ','
set datafile missing 'nan'
set key bottom right
set title '$title'
set xlabel sprintf('PPO iteration (2048 steps each; %.0f min in all on a shared 2-core machine)', $last / 60)
set logscale x
set ylabel 'mean QoE per session'
plot '$csv' using $iteration:$running with lines lw 1 title 'training episodes (running mean)', \
     '' using $iteration:$validation with linespoints pt 7 ps 0.6 lw 2 title 'validation (greedy)'
GP
