import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FilterBar, NoMatches, OptionSelect, PaginationFooter, SearchInput } from './ListControls';

describe('list controls', () => {
  it('OptionSelect lists the labelled options after an optional "all" option', () => {
    render(<OptionSelect aria-label="Status" options={['a', 'b'] as const} labels={{ a: 'Alpha', b: 'Beta' }} allLabel="All" value="" onChange={() => {}} />);
    expect(screen.getAllByRole('option').map((o) => [o.getAttribute('value'), o.textContent])).toEqual([
      ['', 'All'],
      ['a', 'Alpha'],
      ['b', 'Beta'],
    ]);
  });

  it('FilterBar is a labelled search region that offers "Clear filters" only while filtered', async () => {
    const onClear = vi.fn();
    const onSearch = vi.fn();
    const { rerender } = render(
      <FilterBar label="Filter things" filtered={false} onClear={onClear} query={{ isFetching: false, isLoading: false }}>
        <SearchInput label="Search things" placeholder="Name…" value="" onChange={onSearch} />
      </FilterBar>,
    );
    expect(screen.getByRole('search', { name: 'Filter things' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search things' }), 'x');
    expect(onSearch).toHaveBeenCalledWith('x');

    rerender(
      <FilterBar label="Filter things" filtered onClear={onClear} query={{ isFetching: true, isLoading: false }}>
        <span />
      </FilterBar>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Updating');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onClear).toHaveBeenCalledOnce();
  });

  it('NoMatches clears with its own label', async () => {
    const onClear = vi.fn();
    render(<NoMatches title="No users match" description="Nobody." onClear={onClear} clearLabel="Clear search" />);
    await userEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(onClear).toHaveBeenCalledOnce();
  });

  it('PaginationFooter waits for the first page and falls back to the page size for a zero limit', () => {
    const { rerender } = render(<PaginationFooter page={undefined} pageSize={25} label="Things pages" onOffsetChange={() => {}} />);
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    rerender(<PaginationFooter page={{ offset: 0, limit: 0, total: 60 }} pageSize={25} label="Things pages" onOffsetChange={() => {}} />);
    expect(screen.getByRole('navigation', { name: 'Things pages' })).toHaveTextContent('Showing 1–25 of 60');
  });
});
