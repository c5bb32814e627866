"""The general ledger, bank, payables and money movements."""

import sqlalchemy as sa

from seed_pipeline.schema.types import (
    Timestamp, created, enum, polymorphic, polymorphic_refs, refers_to, serial, table, updated,
)


accounts = table(
    'accounts',
    serial(),
    sa.Column('accountNumber', sa.String(20), nullable=False),
    sa.Column('accountName', sa.String(255), nullable=False),
    sa.Column('accountType', enum('accounts', 'accountType', 'ASSET', 'LIABILITY', 'EQUITY', 'REVENUE', 'EXPENSE'), nullable=False),
    sa.Column('parentAccountId', sa.Integer(), info=refers_to('accounts')),
    sa.Column('isActive', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('normalBalance', enum('accounts', 'normalBalance', 'DEBIT', 'CREDIT'), nullable=False),
    sa.Column('description', sa.Text()),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('accountNumber'),
)


fiscalPeriods = table(
    'fiscalPeriods',
    serial(),
    sa.Column('periodName', sa.String(100), nullable=False),
    sa.Column('startDate', sa.Date(), nullable=False),
    sa.Column('endDate', sa.Date(), nullable=False),
    sa.Column('fiscalYear', sa.Integer(), nullable=False),
    sa.Column('status', enum('fiscalPeriods', 'status', 'OPEN', 'CLOSED', 'LOCKED'), nullable=False, server_default=sa.text("'OPEN'")),
    sa.Column('closedAt', Timestamp()),
    sa.Column('closedBy', sa.Integer(), info=refers_to('users')),
    created('createdAt'),
    updated('updatedAt'),
)


ledgerEntries = table(
    'ledgerEntries',
    serial(),
    sa.Column('entryNumber', sa.String(50), nullable=False),
    sa.Column('entryDate', sa.Date(), nullable=False),
    sa.Column('accountId', sa.Integer(), nullable=False, info=refers_to('accounts')),
    sa.Column('debit', sa.Numeric(12, 2), nullable=False, server_default=sa.text("'0.00'")),
    sa.Column('credit', sa.Numeric(12, 2), nullable=False, server_default=sa.text("'0.00'")),
    sa.Column('description', sa.Text()),
    sa.Column('referenceType', sa.String(50)),
    sa.Column('referenceId', sa.Integer()),
    sa.Column('fiscalPeriodId', sa.Integer(), nullable=False, info=refers_to('fiscalPeriods')),
    sa.Column('isManual', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('isPosted', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('postedAt', Timestamp()),
    sa.Column('postedBy', sa.Integer(), info=refers_to('users')),
    sa.Column('createdBy', sa.Integer(), nullable=False, info=refers_to('users')),
    created('createdAt'),
    sa.UniqueConstraint('entryNumber'),
    info=polymorphic_refs(polymorphic('referenceType', 'referenceId', {'INVOICE': 'invoices', 'PAYMENT': 'payments', 'BILL': 'bills', 'EXPENSE': 'expenses', 'WRITE_OFF': 'invoices', 'INVOICE_REVERSAL': 'invoices'})),
)


bankAccounts = table(
    'bankAccounts',
    serial(),
    sa.Column('accountName', sa.String(255), nullable=False),
    sa.Column('accountNumber', sa.String(50), nullable=False),
    sa.Column('bankName', sa.String(255), nullable=False),
    sa.Column('accountType', enum('bankAccounts', 'accountType', 'CHECKING', 'SAVINGS', 'MONEY_MARKET', 'CREDIT_CARD'), nullable=False),
    sa.Column('currency', sa.String(3), nullable=False, server_default=sa.text("'USD'")),
    sa.Column('currentBalance', sa.Numeric(12, 2), nullable=False, server_default=sa.text("'0.00'")),
    sa.Column('isActive', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('ledgerAccountId', sa.Integer(), info=refers_to('accounts')),
    sa.Column('notes', sa.Text()),
    created('createdAt'),
    updated('updatedAt'),
)


bankTransactions = table(
    'bankTransactions',
    serial(),
    sa.Column('bankAccountId', sa.Integer(), nullable=False, info=refers_to('bankAccounts')),
    sa.Column('transactionDate', sa.Date(), nullable=False),
    sa.Column('transactionType', enum('bankTransactions', 'transactionType', 'DEPOSIT', 'WITHDRAWAL', 'TRANSFER', 'FEE', 'INTEREST'), nullable=False),
    sa.Column('amount', sa.Numeric(12, 2), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('referenceNumber', sa.String(100)),
    sa.Column('paymentId', sa.Integer(), info=refers_to('payments')),
    sa.Column('isReconciled', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('reconciledAt', Timestamp()),
    created('createdAt'),
)


bills = table(
    'bills',
    serial(),
    sa.Column('billNumber', sa.String(50), nullable=False),
    sa.Column('vendorId', sa.Integer(), nullable=False, info=refers_to('vendors')),
    sa.Column('billDate', sa.Date(), nullable=False),
    sa.Column('dueDate', sa.Date(), nullable=False),
    sa.Column('subtotal', sa.Numeric(12, 2), nullable=False),
    sa.Column('taxAmount', sa.Numeric(12, 2), nullable=False, server_default=sa.text("'0.00'")),
    sa.Column('discountAmount', sa.Numeric(12, 2), nullable=False, server_default=sa.text("'0.00'")),
    sa.Column('totalAmount', sa.Numeric(12, 2), nullable=False),
    sa.Column('amountPaid', sa.Numeric(12, 2), nullable=False, server_default=sa.text("'0.00'")),
    sa.Column('amountDue', sa.Numeric(12, 2), nullable=False),
    sa.Column('status', enum('bills', 'status', 'DRAFT', 'PENDING', 'APPROVED', 'PARTIAL', 'PAID', 'OVERDUE', 'VOID'), nullable=False, server_default=sa.text("'DRAFT'")),
    sa.Column('paymentTerms', sa.String(100)),
    sa.Column('notes', sa.Text()),
    sa.Column('referenceType', sa.String(50)),
    sa.Column('referenceId', sa.Integer()),
    sa.Column('createdBy', sa.Integer(), nullable=False, info=refers_to('users')),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('billNumber'),
    info=polymorphic_refs(polymorphic('referenceType', 'referenceId', {'LOT': 'lots'})),
)


billLineItems = table(
    'billLineItems',
    serial(),
    sa.Column('billId', sa.Integer(), nullable=False, info=refers_to('bills')),
    sa.Column('productId', sa.Integer(), info=refers_to('products')),
    sa.Column('lotId', sa.Integer(), info=refers_to('lots')),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('quantity', sa.Numeric(10, 2), nullable=False),
    sa.Column('unitPrice', sa.Numeric(12, 2), nullable=False),
    sa.Column('taxRate', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'0.00'")),
    sa.Column('discountPercent', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'0.00'")),
    sa.Column('lineTotal', sa.Numeric(12, 2), nullable=False),
    created('createdAt'),
)


expenses = table(
    'expenses',
    serial(),
    sa.Column('expenseNumber', sa.String(50), nullable=False),
    sa.Column('expenseDate', sa.Date(), nullable=False),
    sa.Column('categoryId', sa.Integer(), nullable=False, info=refers_to('expenseCategories')),
    sa.Column('vendorId', sa.Integer(), info=refers_to('vendors')),
    sa.Column('amount', sa.Numeric(12, 2), nullable=False),
    sa.Column('taxAmount', sa.Numeric(12, 2), nullable=False, server_default=sa.text("'0.00'")),
    sa.Column('totalAmount', sa.Numeric(12, 2), nullable=False),
    sa.Column('paymentMethod', enum('expenses', 'paymentMethod', 'CASH', 'CHECK', 'CREDIT_CARD', 'DEBIT_CARD', 'BANK_TRANSFER', 'OTHER'), nullable=False),
    sa.Column('bankAccountId', sa.Integer(), info=refers_to('bankAccounts')),
    sa.Column('description', sa.Text()),
    sa.Column('receiptUrl', sa.String(500)),
    sa.Column('billId', sa.Integer(), info=refers_to('bills')),
    sa.Column('isReimbursable', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('isReimbursed', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('reimbursedAt', Timestamp()),
    sa.Column('createdBy', sa.Integer(), nullable=False, info=refers_to('users')),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('expenseNumber'),
)


payments = table(
    'payments',
    serial(),
    sa.Column('paymentNumber', sa.String(50), nullable=False),
    sa.Column('paymentType', enum('payments', 'paymentType', 'RECEIVED', 'SENT'), nullable=False),
    sa.Column('paymentDate', sa.Date(), nullable=False),
    sa.Column('amount', sa.Numeric(12, 2), nullable=False),
    sa.Column('paymentMethod', enum('payments', 'paymentMethod', 'CASH', 'CHECK', 'WIRE', 'ACH', 'CREDIT_CARD', 'DEBIT_CARD', 'OTHER'), nullable=False),
    sa.Column('referenceNumber', sa.String(100)),
    sa.Column('bankAccountId', sa.Integer(), info=refers_to('bankAccounts')),
    sa.Column('customerId', sa.Integer(), info=refers_to('clients')),
    sa.Column('vendorId', sa.Integer(), info=refers_to('vendors')),
    sa.Column('invoiceId', sa.Integer(), info=refers_to('invoices')),
    sa.Column('billId', sa.Integer(), info=refers_to('bills')),
    sa.Column('notes', sa.Text()),
    sa.Column('isReconciled', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('reconciledAt', Timestamp()),
    sa.Column('createdBy', sa.Integer(), nullable=False, info=refers_to('users')),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('paymentNumber'),
)


paymentHistory = table(
    'paymentHistory',
    serial(),
    sa.Column('batchId', sa.Integer(), nullable=False, info=refers_to('batches')),
    sa.Column('vendorId', sa.Integer(), nullable=False, info=refers_to('vendors')),
    sa.Column('amount', sa.String(20), nullable=False),
    sa.Column('paymentDate', Timestamp(), nullable=False),
    sa.Column('paymentMethod', sa.String(50)),
    sa.Column('notes', sa.Text()),
    sa.Column('recordedBy', sa.Integer(), nullable=False, info=refers_to('users')),
    created('createdAt'),
)
