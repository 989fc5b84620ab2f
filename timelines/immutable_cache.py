"""A per-process LRU in front of the shared cache, for content that never changes once made. Framework-free.

Only keys naming an immutable thing (a published version) belong here: nothing is ever invalidated,
entries simply age out when the byte budget is spent.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Generic, TypeVar

Value = TypeVar("Value")


class ImmutableLRU(Generic[Value]):
    def __init__(self, *, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, tuple[int, Value]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> Value | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[1]

    def set(self, key: str, value: Value, *, size: int) -> None:
        if size > self.max_bytes:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = (size, value)
            self._size += size
            while self._size > self.max_bytes:
                _, (evicted_size, _) = self._items.popitem(last=False)
                self._size -= evicted_size
