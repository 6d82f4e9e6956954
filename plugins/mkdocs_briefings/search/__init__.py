"""Site search: the backend choice (material's lunr search or a Pagefind index) and the Pagefind build.

See `integration.py` for how the two backends share material's search
interface, and `document.py` for what Pagefind indexes of each page.
"""
