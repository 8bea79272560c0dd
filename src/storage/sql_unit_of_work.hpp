// sql_unit_of_work.hpp: application::Transactions on a Database: each transaction gets a unit of
// work whose repositories are the SQL ones, made on first use on the transaction's session.
// Built once by the composition root (app/cli_server.cpp) and handed to the application layer.
#pragma once

#include "application/unit_of_work.hpp"
#include "storage/database.hpp"

namespace numeria::storage {

class SqlTransactions final : public application::Transactions {
public:
    explicit SqlTransactions(Database& db)
        : m_db(db) {}
    [[nodiscard]] Status run(application::TxMode mode,
                             const std::function<Status(application::UnitOfWork&)>& work) override;
    [[nodiscard]] bool ping() override;
    [[nodiscard]] const char* engine_name() const override;
    [[nodiscard]] application::PoolStats pool_stats() const override;

private:
    Database& m_db;
};

} // namespace numeria::storage
