//! Buyers' needs: the open list, a need's page, drafting, the pôle's queue.

mod attachments_panel;
mod comparison_panel;
mod group_panel;
mod link_page;
mod my_needs;
mod need_fields;
mod need_page;
mod need_parts;
mod need_steps;
mod needs_list;
mod needs_queue;
mod new_need;
mod purchase_declaration;
mod supplier_panel;
mod thread_panel;

pub use link_page::NeedLinkPage;
pub use my_needs::MyNeedsPage;
pub use need_page::NeedPageView;
pub use needs_list::NeedsPage;
pub use needs_queue::NeedsQueuePage;
pub use new_need::NewNeedPageView;
