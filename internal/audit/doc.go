// Package audit holds tests that check a built briefing site the way its
// readers and publishers meet it, not a unit of code: they build the default
// briefing of this repository and serve it with httptest.
//
//   - crawl_test.go serves the site under a sub-path (as GitHub Pages serves a
//     project site) and at a domain root, follows every link, stylesheet,
//     script and image from the front page, and fails on any broken link or
//     #fragment, any request to another host, an unparsable sitemap.xml or
//     feed.xml, and pages whose CSS and JavaScript weigh more than 30 KB.
//   - axe_test.go loads every page in headless Chromium, light and dark, and
//     on a phone, and runs axe-core's WCAG 2.2 AA rules on it. axe-core comes
//     from npm: the test runs npm ci here when node_modules is missing. Without
//     chromium or npm the test is skipped, except in CI (CI=true), where it
//     fails.
//   - layout_test.go measures pages laid out in Chromium the way a reader
//     meets them: the overview's first screen names every confirmed and
//     disputed claim at 1280×800 and 375×667, /claims/ fits in 6 screens at
//     1280 px, no page scrolls sideways at 320 and 375 px, and the sources
//     table shows every column on a phone.
//
// BRIEFING_SRC=DIR runs the tests on another briefing folder, to see how the
// theme holds up with other content; the tests that name claims or actors of
// the default briefing then fail.
//
// The package has no code of its own.
package audit
