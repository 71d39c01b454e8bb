// An empty classic script: pages ask for it with ?delay=ms to hold the HTML
// parser at that point (tests/e2e/jsonld.test.mjs).
