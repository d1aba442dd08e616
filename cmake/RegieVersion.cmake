# Build identity reported by the engine's `version` endpoint: branch, short commit, build time.
find_package(Git QUIET)
set(REGIE_GIT_BRANCH "Git_Unkown_branch")
set(REGIE_GIT_COMMIT "Git_Unkown_commit")
if(GIT_FOUND AND EXISTS ${PROJECT_SOURCE_DIR}/.git)
    execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --abbrev-ref HEAD
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} OUTPUT_VARIABLE branch
                    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc1)
    execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --short=7 HEAD
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} OUTPUT_VARIABLE commit
                    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc2)
    if(rc1 EQUAL 0 AND branch)
        set(REGIE_GIT_BRANCH ${branch})
    endif()
    if(rc2 EQUAL 0 AND commit)
        set(REGIE_GIT_COMMIT ${commit})
    endif()
endif()
string(TIMESTAMP REGIE_BUILD_TIME "%Y-%m-%dT%H:%M:%S")
