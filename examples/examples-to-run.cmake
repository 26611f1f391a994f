# The examples rerun as smoke tests (standalone build; in an ns-3 tree, test.py reads
# test/examples-to-run.py), and bad arguments giving a clear error.
set(lv_shared ${LAYERED_VIDEO_SHARED_DIR})
set(lv_smoke ${CMAKE_CURRENT_BINARY_DIR}/smoke)

add_test(NAME example-session
         COMMAND layered-video-session --chunks=12 --abr=robust-mpc --out=${lv_smoke}/session)
set_tests_properties(example-session PROPERTIES PASS_REGULAR_EXPRESSION "state Finished")
add_test(NAME example-session-mahimahi-codel
         COMMAND layered-video-session --chunks=8
                 --trace=${lv_shared}/traces/mahimahi/Verizon-LTE-short.down
                 --uplinkTrace=${lv_shared}/traces/mahimahi/Verizon-LTE-short.up
                 --queueDisc=codel --loss=0.001)
set_tests_properties(example-session-mahimahi-codel PROPERTIES
                     PASS_REGULAR_EXPRESSION "state Finished")
add_test(NAME example-session-layered-profile
         COMMAND layered-video-session --chunks=20 --abr=layered-throughput --qoe=psnr
                 --profile=${PROJECT_SOURCE_DIR}/traces/profiles/VID_1920x1080_cabac_temporal_direct.x265-residual-layered.json)
set_tests_properties(example-session-layered-profile PROPERTIES
                     PASS_REGULAR_EXPRESSION "layered, 20 chunks x 5 levels.*state Finished")
add_test(NAME example-clients
         COMMAND layered-video-clients --clients=3 --chunks=8 --rate=6 --cross=onoff)
set_tests_properties(example-clients PROPERTIES
                     PASS_REGULAR_EXPRESSION "Jain's fairness index of the clients' throughputs")
add_test(NAME example-compare
         COMMAND layered-video-compare --traces=${lv_shared}/traces/pensieve-test/norway_bus_1
                 --abrs=bba,layered-throughput --chunks=8 --jobs=2 --chunkLevel
                 --out=${lv_smoke}/compare)
set_tests_properties(example-compare PROPERTIES
                     PASS_REGULAR_EXPRESSION "agreement with the chunk-level simulator")
# A job list: written, run case by case, then collected.
add_test(NAME example-compare-job-list
         COMMAND sh -c "$<TARGET_FILE:layered-video-compare> --traces=${lv_shared}/traces/pensieve-test/norway_bus_1 --abrs=bba --seeds=2 --chunks=6 --out=${lv_smoke}/jobs --writeJobs=${lv_smoke}/jobs.txt && sh ${lv_smoke}/jobs.txt && $<TARGET_FILE:layered-video-compare> --traces=${lv_shared}/traces/pensieve-test/norway_bus_1 --abrs=bba --seeds=2 --chunks=6 --out=${lv_smoke}/jobs --collect")
set_tests_properties(example-compare-job-list PROPERTIES
                     PASS_REGULAR_EXPRESSION "bba +2 +0 ")
# Bad input: a clear message and a failing exit (ns-3 aborts; the shell reports the status).
set(lv_expect_failure "\"$@\" 2>&1; rc=$?; [ $rc -ne 0 ] && echo \"exited with status $rc\"")
add_test(NAME example-session-rejects-an-unknown-abr
         COMMAND sh -c "${lv_expect_failure}" sh $<TARGET_FILE:layered-video-session> --abr=nosuch)
set_tests_properties(example-session-rejects-an-unknown-abr PROPERTIES PASS_REGULAR_EXPRESSION
                     "LayeredVideoClient: Abr: abr: nosuch: unknown ABR.*exited with status")
add_test(NAME example-session-rejects-a-missing-trace
         COMMAND sh -c "${lv_expect_failure}" sh $<TARGET_FILE:layered-video-session>
                 --trace=/no/such/trace)
set_tests_properties(example-session-rejects-a-missing-trace PROPERTIES PASS_REGULAR_EXPRESSION
                     "TraceDrivenBottleneckHelper: /no/such/trace.*exited with status")
add_test(NAME example-compare-rejects-an-unknown-abr
         COMMAND sh -c "${lv_expect_failure}" sh $<TARGET_FILE:layered-video-compare>
                 --abrs=bba,nosuch --out=${lv_smoke}/bad)
set_tests_properties(example-compare-rejects-an-unknown-abr PROPERTIES PASS_REGULAR_EXPRESSION
                     "nosuch: unknown ABR.*exited with status")
