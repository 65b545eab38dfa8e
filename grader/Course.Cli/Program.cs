using Course.Cli;

// `course`: grade submissions, check the course, pack it for learners (and the notebook/site/kernel commands).
// Exit codes: 0 done (whatever the score), 1 internal error, 2 usage or bad input, 3 --fail-under not met or a check failed.
return await CourseCli.RunAsync(args);
