# The two commands. Both install what is missing first and are fast when nothing changed.
.PHONY: run test site

## make run   build and serve Ecossol on http://127.0.0.1:3000 with the embedded defaults
run:
	scripts/run.sh

## make test  run every test (SQLite; PostgreSQL too when ECOSSOL_TEST_POSTGRES_URL is set)
test:
	scripts/test.sh

## make site  build only the browser bundle and stylesheet into target/site
site:
	scripts/build-site.sh
