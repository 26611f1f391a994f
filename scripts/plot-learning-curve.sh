#!/usr/bin/env bash
# Plots an abr-train progress.csv: the running mean QoE of the training episodes and the
# validation QoE (greedy policy on the held-out training traces) against training time.
# Usage: plot-learning-curve.sh PROGRESS_CSV OUT_PNG [TITLE]
set -euo pipefail
csv=$1
png=$2
title=${3:-learning curve}
col() { head -1 "$csv" | tr ',' '\n' | grep -nx "$1" | cut -d: -f1; }
wall=$(col wall_s); running=$(col running_qoe); validation=$(col validation_qoe)
gnuplot <<GP
set terminal pngcairo size 800,500 noenhanced
set output '$png'
set datafile separator ','
set datafile missing 'nan'
set key bottom right
set title '$title: QoE per session while training'
set xlabel 'training time (min, one core)'
set ylabel 'mean QoE per session'
plot '$csv' using (\$$wall/60):$running every 10 with lines lw 1 title 'training episodes (running mean)', \
     '' using (\$$wall/60):$validation with linespoints pt 7 ps 0.6 lw 2 title 'validation (greedy)'
GP
